"""The auditors' review app and the verdicts it records.

Importing this package needs only SQLAlchemy: the load re-attaches verdicts through
`pipeline.review.attach`, while Flask (the `review` extra) is imported by the app alone.
"""
