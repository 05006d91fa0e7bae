# The standard reports of SPEC §8, by name (tests and the scale benchmark run each of them).
STANDARD_REPORTS = (
	"Active Protocols",
	"Reviews Due and Overdue",
	"Open Appeals",
	"Incident Register",
	"Incidents by Behaviour Type",
	"Blocked and Held Contact Attempts",
	"Appeal and Review Outcomes",
	"Equality Monitoring",
)
