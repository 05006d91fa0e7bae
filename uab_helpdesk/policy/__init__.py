"""The Unacceptable Customer Behaviour policy as pure Python.

Nothing in this package imports frappe: every rule here is exercised by plain pytest in CI, and the
Frappe layer (controllers, doc_events, API) only loads facts from the database and hands them in.
Section numbers in docstrings are those of the policy text (HS_POL_HOU_UAB_3.0).
"""
