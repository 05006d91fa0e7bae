# Copyright (c) 2026, UAB Helpdesk Developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class UABEqualityProfile(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age_band: DF.Literal[
			"",
			"Under 25",
			"25\u201334",
			"35\u201344",
			"45\u201354",
			"55\u201364",
			"65\u201374",
			"75 and over",
			"Prefer not to say",
		]
		communication_needs: DF.Literal[
			"", "Large print", "Easy read", "Another language", "Through an advocate", "Braille", "Audio"
		]
		contact: DF.Link
		contact_name: DF.Data | None
		disability: DF.Literal["", "Yes", "No", "Prefer not to say"]
		ethnicity: DF.Literal[
			"",
			"Asian or Asian British",
			"Black, Black British, Caribbean or African",
			"Mixed or multiple ethnic groups",
			"White",
			"Other ethnic group",
			"Prefer not to say",
		]
		gender_reassignment: DF.Literal["", "Yes", "No", "Prefer not to say"]
		is_vulnerable: DF.Check
		lawful_basis: DF.Literal[
			"",
			"Public task \u2013 Article 6(1)(e)",
			"Legitimate interests \u2013 Article 6(1)(f)",
			"Legal obligation \u2013 Article 6(1)(c)",
			"Consent \u2013 Article 6(1)(a)",
		]
		marriage_or_civil_partnership: DF.Literal["", "Yes", "No", "Prefer not to say"]
		preferred_language: DF.Link | None
		pregnancy_or_maternity: DF.Literal["", "Yes", "No", "Prefer not to say"]
		religion_or_belief: DF.Literal[
			"",
			"No religion",
			"Buddhist",
			"Christian",
			"Hindu",
			"Jewish",
			"Muslim",
			"Sikh",
			"Other",
			"Prefer not to say",
		]
		sex: DF.Literal["", "Female", "Male", "Prefer not to say"]
		sexual_orientation: DF.Literal[
			"", "Bisexual", "Gay or lesbian", "Heterosexual", "Other", "Prefer not to say"
		]
		special_category_condition: DF.Literal[
			"",
			"Substantial public interest \u2013 Article 9(2)(g)",
			"Explicit consent \u2013 Article 9(2)(a)",
			"Employment and social protection \u2013 Article 9(2)(b)",
		]
		vulnerability_notes: DF.SmallText | None
	# end: auto-generated types
	pass
