"""Turn a quiz back into OLX (export) and to/from the plain data stored in the block's fields.

The inverse of questions.parse_quiz_element; kept apart so questions.py stays the model + grading.
"""
from __future__ import annotations

from lxml import etree

from grader.olx import cdata_child, format_number, start_element
from xblocks.quiz.questions import TAG, Answer, Option, Question, QuizDefinition


def write_quiz_element(d: QuizDefinition, node=None):
    """Fill *node* (or a new <quiz>) with *d*: the inverse of parse_quiz_element."""
    node = start_element(TAG, d.extra_attributes, node)
    if d.url_name:
        node.set("url_name", d.url_name)
    node.set("display_name", d.display_name)
    node.set("weight", format_number(d.weight))
    node.set("max_attempts", str(d.max_attempts))
    node.set("show_answer", d.show_answer)
    if d.skills:
        node.set("skills", " ".join(d.skills))
    for q in d.questions:
        qnode = etree.SubElement(node, "question", id=q.id, type=q.type, points=format_number(q.points))
        cdata_child(qnode, "text", q.text)
        for o in q.options:
            onode = etree.SubElement(qnode, "option", correct="true" if o.correct else "false")
            if o.feedback:
                onode.set("feedback", o.feedback)
            onode.text = o.text
        for a in q.answers:
            anode = etree.SubElement(qnode, "answer")
            if q.type == "text":
                anode.set("case_sensitive", "true" if a.case_sensitive else "false")
            elif q.type == "number":
                anode.set("tolerance", a.tolerance)
            anode.text = a.text
    return node


def question_to_dict(q: Question) -> dict:
    return {
        "id": q.id, "type": q.type, "points": q.points, "text": q.text,
        "options": [{"text": o.text, "correct": o.correct, "feedback": o.feedback} for o in q.options],
        "answers": [{"text": a.text, "case_sensitive": a.case_sensitive, "tolerance": a.tolerance}
                    for a in q.answers],
    }


def question_from_dict(data: dict) -> Question:
    return Question(
        id=str(data.get("id", "")), type=str(data.get("type", "single")),
        points=float(data.get("points", 1.0)), text=str(data.get("text", "")),
        options=[Option(str(o.get("text", "")), bool(o.get("correct")), str(o.get("feedback", "")))
                 for o in data.get("options", [])],
        answers=[Answer(str(a.get("text", "")), bool(a.get("case_sensitive")), str(a.get("tolerance", "0")))
                 for a in data.get("answers", [])],
    )
