"""The JobInTech bridge: a standalone Django site that serves the course's XBlocks.

It hosts an XBlock runtime over the Django ORM (lti_bridge.runtime), a course catalog and a
learner preview that need no LMS, and the LTI 1.3 tool (lti_bridge.lti) through which Moodle
or Canvas embed the same blocks and receive grades.
"""
