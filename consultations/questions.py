"""A consultation's questions as plain data: what respondents answer against.

The live StreamField is what producers edit. When a consultation opens, its questions
are frozen as a snapshot (a list of sections, JSON) and every answer is validated
against that, so a question edited later never makes an earlier answer unreadable.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext

from consultations.blocks import AGREEMENT_SCALE

CHOICE_KINDS = {"single_choice", "multiple_choice", "agreement"}
SHORT_TEXT_LIMIT = 250


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    question: str
    help_text: str = ""
    required: bool = True
    max_characters: int | None = None
    options: tuple[str, ...] = ()

    @property
    def is_choice(self):
        return self.kind in CHOICE_KINDS

    @property
    def is_multiple(self):
        return self.kind == "multiple_choice"

    @property
    def limit(self):
        if self.kind == "long_text":
            return self.max_characters
        return SHORT_TEXT_LIMIT if self.kind == "short_text" else None

    def display(self, answer):
        """An answer as text: choices joined, nothing given as an empty string. An
        answer on the agreement scale (the site's words, stored in English) is in the
        active language."""
        if isinstance(answer, list):
            return "; ".join(answer)
        if answer and self.kind == "agreement":
            return gettext(answer)
        return answer or ""


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    introduction: str = ""
    questions: tuple[Question, ...] = field(default_factory=tuple)


def snapshot_of(stream_value):
    """The StreamField of sections as JSON-ready data."""
    sections = []
    for section in stream_value:
        questions = []
        for child in section.value["questions"]:
            value = child.value
            if child.block_type == "agreement":
                options = list(AGREEMENT_SCALE)
            else:
                options = list(value.get("options") or [])
            questions.append(
                {
                    "id": child.id,
                    "kind": child.block_type,
                    "question": value["question"],
                    "help_text": value.get("help_text") or "",
                    "required": bool(value.get("required")),
                    "max_characters": value.get("max_characters"),
                    "options": options,
                }
            )
        sections.append(
            {
                "id": section.id,
                "heading": section.value["heading"],
                "introduction": section.value.get("introduction") or "",
                "questions": questions,
            }
        )
    return sections


def sections_from(snapshot):
    return [
        Section(
            id=section["id"],
            heading=section["heading"],
            introduction=section.get("introduction", ""),
            questions=tuple(
                Question(**{**question, "options": tuple(question["options"])})
                for question in section["questions"]
            ),
        )
        for section in snapshot
    ]


def all_questions(sections):
    return [question for section in sections for question in section.questions]
