# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import cint, getdate, now_datetime, today

from uab_helpdesk.facts import close_case
from uab_helpdesk.policy.dates import review_due_date
from uab_helpdesk.policy.protocol import ProtocolDraft, activation_date, validate_protocol
from uab_helpdesk.policy.values import AssessmentOutcome, Channel, IssuePeriod, parse_enum
from uab_helpdesk.protection import clear_protected_index, windows_of
from uab_helpdesk.uab_helpdesk.case_record import CaseRecord
from uab_helpdesk.utils import require_role, throw_problems


class UABCommunicationProtocol(CaseRecord):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from uab_helpdesk.uab_helpdesk.doctype.uab_protocol_case.uab_protocol_case import UABProtocolCase
		from uab_helpdesk.uab_helpdesk.doctype.uab_protocol_channel.uab_protocol_channel import (
			UABProtocolChannel,
		)
		from uab_helpdesk.uab_helpdesk.doctype.uab_protocol_window.uab_protocol_window import (
			UABProtocolWindow,
		)
		from uab_helpdesk.uab_helpdesk.doctype.uab_ticket_type.uab_ticket_type import UABTicketType

		allowed_channels: DF.Table[UABProtocolChannel]
		allowed_ticket_types: DF.TableMultiSelect[UABTicketType]
		amended_from: DF.Link | None
		assessment: DF.Link | None
		authorised_by: DF.Link | None
		authorised_on: DF.Datetime | None
		authorising_director: DF.Link | None
		cases_to_close: DF.Table[UABProtocolCase]
		contact: DF.Link
		contact_name: DF.Data | None
		contact_windows: DF.Table[UABProtocolWindow]
		customer: DF.Link | None
		deputy_contact: DF.Link | None
		end_reason: DF.SmallText | None
		ended_on: DF.Date | None
		health_and_safety_only: DF.Check
		health_and_safety_only_until: DF.Date | None
		immediate_action: DF.Check
		immediate_action_authorised_on: DF.Datetime | None
		immediate_action_reason: DF.SmallText | None
		issue_limit: DF.Int
		issue_limit_period: DF.Literal["", "Week", "Month", "Quarter"]
		letter_method: DF.Literal["", "Letter", "Email", "Portal"]
		letter_sent_on: DF.Date | None
		reason_for_customer: DF.Text | None
		reasonable_adjustments: DF.Text
		review_due_date: DF.Date | None
		single_point_of_contact: DF.Link | None
		single_point_of_contact_name: DF.Data | None
		start_date: DF.Date
		status: DF.Literal["Draft", "Authorised", "Active", "Ended"]
		support_considered: DF.Text | None
		third_party_contact: DF.Link | None
		third_party_only: DF.Check
		update_frequency: DF.Data | None
		visits_by_appointment_only: DF.Check
	# end: auto-generated types
	"""How the landlord will communicate with one customer (policy 6.4, 6.5.4).

	The order of events is the policy's (6.5.4): prepared as a Draft; a Head of Service authorises it by
	submitting it (Authorised); its letter, signed by that Head of Service, is sent; it is Active from the
	day the letter is recorded sent, or from a later start date; it ends by a named action (review,
	appeal, lapse) or by cancellation. Nothing here is ever edited after submission.
	"""

	def validate(self):
		self.keep_immediate_action_server_set()
		self.keep_authorisation_server_set()
		self.set_customer()
		self.set_review_due_date()
		self.validate_rules()
		self.validate_authority()

	def keep_authorisation_server_set(self) -> None:
		"""A draft has not been authorised or told to anyone yet, whatever a client sends."""
		if self.docstatus == 0:
			self.update(
				{"authorised_by": None, "authorised_on": None, "letter_sent_on": None, "letter_method": None}
			)

	def before_submit(self):
		"""Submitting is the Head of Service's authorisation; the customer is told afterwards."""
		self.validate_authorisation()
		self.status = "Authorised"
		self.set_actor("authorised_by")
		self.authorised_on = now_datetime()

	def on_submit(self):
		clear_protected_index()

	def on_cancel(self):
		self.db_set({"status": "Ended", "ended_on": today(), "end_reason": _("Cancelled for correction")})
		clear_protected_index()
		self.update_open_tickets()

	def record_letter_sent(self, method: str) -> None:
		"""The customer has the protocol in writing (6.5.4): it applies from today, or its later start date.
		Called by `api.letters.send_letter`, which checks the caller and the state first."""
		sent_on = getdate(today())
		starts = activation_date(sent_on, getdate(self.start_date) if self.start_date else None)
		self.db_set(
			{
				"letter_sent_on": sent_on,
				"letter_method": method,
				"start_date": starts,
				"review_due_date": review_due_date(starts, self.review_period_months()),
			}
		)
		if starts <= sent_on:
			self.activate()

	def activate(self) -> None:
		"""Authorised and told in writing: the protocol now applies (the daily job calls this for a later start)."""
		self.validate_one_active_protocol()
		self.db_set("status", "Active")
		self.end_replaced_protocol()
		self.close_abused_cases()
		self.update_open_tickets()
		clear_protected_index()
		from uab_helpdesk.events.email_queue import withhold_queued_mail

		withhold_queued_mail(self.contact)
		self.add_timeline_entry(
			_("Active from {0}; review due {1}.").format(
				frappe.format(self.start_date, "Date"), frappe.format(self.review_due_date, "Date")
			)
		)

	def close_abused_cases(self) -> None:
		"""6.5.4: the authoriser may close open complaints or ASB cases whose process the behaviour abuses."""
		for row in self.cases_to_close:
			ticket = frappe.get_doc("HD Ticket", row.ticket)
			ticket.add_comment(
				"Comment",
				_("Closed on activation of communication protocol {0}: {1}").format(self.name, row.reason),
			)
			if ticket.status != "Closed":
				ticket.status = "Closed"
				ticket.flags.ignore_permissions = True
				ticket.save()
			row.db_set("closed_on", today())

	@frappe.whitelist(methods=["POST"])
	def end_protocol(self, reason: str) -> None:
		"""End an Active protocol now (review decision 6.5.6, appeal overturned 6.5.5, lapse)."""
		require_role(
			("UAB Head of Service", "UAB Manager", "UAB Director", "System Manager"),
			_("end a communication protocol"),
		)
		if self.status != "Active":
			frappe.throw(_("Only an Active protocol can be ended; this one is {0}.").format(self.status))
		if not (reason or "").strip():
			frappe.throw(_("Give the reason the protocol ends."), frappe.MandatoryError)
		self.db_set({"status": "Ended", "ended_on": today(), "end_reason": reason.strip()})
		close_case(self.contact, today())  # 6.5.3: the case closes with its protocol
		clear_protected_index()
		self.update_open_tickets()
		self.add_timeline_entry(_("Protocol ended: {0}").format(reason.strip()))

	def make_variation(self, reason: str) -> "UABCommunicationProtocol":
		"""A draft that varies this protocol (appeal 6.5.5, review 6.5.6). This one stays Active until the
		variation is authorised and its letter sent, which then ends it: one form of contact never lapses."""
		variation = frappe.copy_doc(self)  # keeps docstatus: it must start again as a draft
		variation.update(
			{
				"docstatus": 0,
				"status": "Draft",
				"replaces_protocol": self.name,
				"start_date": today(),
				"review_due_date": None,
			}
		)
		variation.flags.uab_keep_authority = True  # the same basis (assessment or immediate action)
		variation.insert(ignore_permissions=True)
		variation.add_comment("Comment", _("Varies {0}: {1}").format(self.name, reason))
		return variation

	def end_replaced_protocol(self) -> None:
		if (
			self.replaces_protocol
			and frappe.db.get_value("UAB Communication Protocol", self.replaces_protocol, "status")
			== "Active"
		):
			replaced = frappe.get_doc("UAB Communication Protocol", self.replaces_protocol)
			replaced.end_protocol(_("Replaced by the varied protocol {0}").format(self.name))

	def update_open_tickets(self) -> None:
		"""Open tickets of the customer carry the protocol and its one-line summary (the agent UI banner),
		in the app's own record of each ticket (ticket_state.py)."""
		from uab_helpdesk.policy.decision import summarise
		from uab_helpdesk.protection import load_rules
		from uab_helpdesk.ticket_state import TICKET_STATE, set_ticket_state
		from uab_helpdesk.utils import render_text

		active = self.status == "Active"  # db_set keeps the document in step
		summary = render_text(summarise(load_rules(self.name))) if active else None
		open_tickets = frappe.get_all(
			"HD Ticket",
			filters={"contact": self.contact, "status": ("not in", ("Resolved", "Closed"))},
			pluck="name",
		)
		for ticket in open_tickets:
			if active or frappe.db.exists(TICKET_STATE, {"ticket": str(ticket), "protocol": self.name}):
				set_ticket_state(ticket, protocol=self.name if active else None, protocol_summary=summary)

	def set_review_due_date(self) -> None:
		if self.start_date and not self.review_due_date:
			self.review_due_date = review_due_date(getdate(self.start_date), self.review_period_months())

	def review_period_months(self) -> int:
		from uab_helpdesk.uab_helpdesk.doctype.uab_protocol_review.uab_protocol_review import (
			review_period_months,
		)

		return review_period_months()

	def validate_rules(self) -> None:
		"""Bad input never reaches an Active protocol: no channel, inverted windows, dates out of order."""
		throw_problems(validate_protocol(self.as_draft()), title=_("Protocol Not Valid"))

	def as_draft(self) -> ProtocolDraft:
		return ProtocolDraft(
			allowed_channels=tuple(Channel(row.channel) for row in self.allowed_channels),
			windows=windows_of(self.contact_windows),
			start_date=getdate(self.start_date) if self.start_date else None,
			review_due_date=getdate(self.review_due_date) if self.review_due_date else None,
			review_period_months=self.review_period_months(),
			single_point_of_contact=self.single_point_of_contact,
			deputy_contact=self.deputy_contact,
			health_and_safety_only=bool(cint(self.health_and_safety_only)),
			health_and_safety_only_until=getdate(self.health_and_safety_only_until)
			if self.health_and_safety_only_until
			else None,
			issue_limit=cint(self.issue_limit) if self.issue_limit else None,
			issue_limit_period=parse_enum(IssuePeriod, self.issue_limit_period),
			third_party_only=bool(cint(self.third_party_only)),
			third_party_contact=self.third_party_contact,
			third_party_role=self.third_party_role,
			third_party_scope=self.third_party_scope,
			third_party_authority_from=getdate(self.third_party_authority_from)
			if self.third_party_authority_from
			else None,
			third_party_authority_until=getdate(self.third_party_authority_until)
			if self.third_party_authority_until
			else None,
			copy_letters_to_third_party=bool(cint(self.copy_letters_to_third_party)),
		)

	def validate_authority(self) -> None:
		"""6.5.4: from an assessment that found the behaviour unacceptable, or 6.5: a Director's immediate action."""
		if cint(self.immediate_action):
			self.validate_director()
			return
		if not self.assessment:
			if self.awaiting_director():
				return
			frappe.throw(
				_(
					"Link the assessment that found the behaviour unacceptable, or ask a Director to authorise immediate action (policy 6.5.4)."
				),
				frappe.MandatoryError,
			)
		assessment = self.validate_linked_record("UAB Assessment", self.assessment, label=_("Assessment"))
		if assessment.outcome != AssessmentOutcome.UNACCEPTABLE.value:
			frappe.throw(
				_(
					"Assessment {0} concluded '{1}': a protocol needs an assessment that found the behaviour unacceptable (policy 6.5.4)."
				).format(frappe.bold(assessment.name), assessment.outcome)
			)

	def validate_authorisation(self) -> None:
		"""6.5.4: a Head of Service who did not assess it authorises it, with the reason the customer is given."""
		require_role(("UAB Head of Service",), _("authorise a communication protocol"))
		if (
			self.assessment
			and frappe.db.get_value("UAB Assessment", self.assessment, "assessed_by") == frappe.session.user
		):
			frappe.throw(_("The manager who completed the assessment cannot also authorise the protocol."))
		if not (self.reason_for_customer or "").strip():
			frappe.throw(
				_(
					"Write the reason given to the customer: the protocol letter quotes it, and never the assessment's internal notes."
				),
				frappe.MandatoryError,
			)
		self.validate_one_active_protocol()

	def validate_one_active_protocol(self) -> None:
		"""At most one protocol in force (Authorised or Active) per contact, besides the one a variation replaces."""
		others = frappe.get_all(
			"UAB Communication Protocol",
			filters={
				"contact": self.contact,
				"docstatus": 1,
				"status": ("in", ("Authorised", "Active")),
				"name": ("not in", [self.name, self.replaces_protocol or ""]),
			},
			pluck="name",
		)
		if others:
			frappe.throw(
				_(
					"{0} already has a communication protocol in force ({1}); end or vary it instead of adding a second."
				).format(frappe.bold(self.contact_name or self.contact), frappe.bold(others[0]))
			)
