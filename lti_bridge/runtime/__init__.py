"""An XBlock runtime over the Django ORM (XBlock 6 `xblock.runtime.Runtime`).

course.py      loads an OLX directory into a `Course` (block tree + authored field data)
runtime.py     `BridgeRuntime`: one learner, one request; handler URLs, events, rendering
field_data.py  where field values live (OLX in memory, learner state in the database)
structure.py   course/chapter/sequential/vertical blocks, and the stand-in for missing types
services.py    i18n, user, settings, replace_urls services
tokens.py      signed tokens of handler URLs
ids.py         usage ids `<block_type>.<url_name>`
"""
