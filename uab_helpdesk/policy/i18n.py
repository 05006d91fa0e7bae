"""Translatable messages without a translation framework.

The policy core must not import frappe, yet every sentence it produces reaches a user and must be
translatable. So the core marks its templates with ``_`` (an identity function, which frappe's
string extractor still finds) and hands back a ``Message``; the Frappe layer renders it with
``frappe._`` and escapes the arguments for HTML.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


def _(template: str) -> str:
	"""Mark a template for extraction; translation happens when the message is rendered."""
	return template


def _identity(text: str) -> str:
	return text


@dataclass(frozen=True)
class Message:
	"""A template with positional ``{0}`` arguments, rendered late so it can be translated."""

	template: str
	args: tuple = ()

	def render(
		self,
		translate: Callable[[str], str] = _identity,
		escape: Callable[[str], str] = _identity,
	) -> str:
		"""Nested messages render with the same functions; enum values (channels, rules) are
		translated as the Select options they are stored as; everything else is escaped."""
		return translate(self.template).format(*(_render_arg(arg, translate, escape) for arg in self.args))

	@classmethod
	def join(cls, parts, separator: str = "; ") -> "Message":
		parts = tuple(parts)
		return cls(separator.join(f"{{{index}}}" for index in range(len(parts))), parts)

	def __str__(self) -> str:
		return self.render()


def _render_arg(arg, translate, escape) -> str:
	if isinstance(arg, Message):
		return arg.render(translate, escape)
	if isinstance(arg, Enum):
		return escape(translate(arg.value))
	return escape(str(arg))


def one_of(items) -> Message:
	"""'a', 'a or b', 'a, b or c' — each item rendered (and translated) in its turn."""
	items = tuple(items)
	if len(items) <= 1:
		return Message("{0}", items or ("",))
	# "{0} or {1}" is one translatable template; the list separator is punctuation, not a word.
	return Message(_("{0} or {1}"), (Message.join(items[:-1], ", "), items[-1]))
