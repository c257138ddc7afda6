"""No BSN in a draft (issue 10 §4), through the real visit dialog: what the coach types
is kept as a draft a moment later, except a field that holds a BSN, and the form says
why under that field; once the number is gone, the field is kept again."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import settle, unlocked_window
from tests.ui.test_access_export import PROFILE


def _drafts(ops: Any, qtbot: Any) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    ops.vault(lambda s: s.drafts()).success(found.append).run()
    settle(qtbot, ops)
    return found[0]


def _visit_dialog(build_window: Any, qtbot: Any) -> tuple[Any, Any, str]:
    """A vault with one candidate, and the visit dialog about her open."""
    from spt_common.enums import ConsentPurpose

    ids: list[str] = []

    def fill(ops: Any) -> None:
        ops.vault(
            lambda s: ids.append(
                s.services.candidates.register(PROFILE, {ConsentPurpose.PROCESSING: True}).id
            )
        ).run()

    window, ops = unlocked_window(build_window, qtbot, fill)
    return ops, window.workspace.log_visit(ids[0], "Fatma Yılmaz"), ids[0]


def test_a_draft_leaves_out_a_field_with_a_bsn_and_the_form_says_why(
    build_window: Any, qtbot: Any
) -> None:
    ops, dialog, cid = _visit_dialog(build_window, qtbot)
    topics = dialog.form.editors["topics"]
    agreements = dialog.form.editors["agreements"]
    error = dialog.form.errors["topics"]
    qtbot.keyClicks(agreements, "Start maandag 7 uur")
    qtbot.keyClicks(topics, "Pasnummer 1112.22.333 gezien")
    qtbot.waitUntil(error.isVisible)  # the draft is kept a moment after typing
    settle(qtbot, ops)
    assert error.text() == (
        "Bevat een BSN; het SPT mag geen BSN vastleggen. Dit veld wordt niet als concept bewaard."
    )
    draft = _drafts(ops, qtbot)[f"visit:{cid}"]
    assert "topics" not in draft and draft["agreements"] == "Start maandag 7 uur"

    topics.clear()
    qtbot.keyClicks(topics, "Werktijden besproken")
    qtbot.waitUntil(lambda: not error.isVisible())
    settle(qtbot, ops)
    assert _drafts(ops, qtbot)[f"visit:{cid}"]["topics"] == "Werktijden besproken"
    dialog.drafts.cancel()
    dialog.done(0)


def test_a_chosen_record_whose_id_looks_like_a_bsn_stays_in_the_draft(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A choice holds the id of what was picked (a UUID, whose digits can pass the
    elfproef by chance): it is not typed text, so it is kept and no error is shown."""
    from PySide6.QtWidgets import QLabel

    from spt_desktop.ui.forms import DraftKeeper, Field, Form
    from tests.services.test_ids_are_not_bsns import BSN_LIKE_ID

    form = Form(
        [
            Field("employer_id", "Werkgever", "choice", ((BSN_LIKE_ID, "Zaanwarmte"),)),
            Field("notes", "Toelichting", "text"),
        ]
    )
    qtbot.addWidget(form)
    form.show()
    box = form.editors["employer_id"]
    box.setCurrentIndex(box.findData(BSN_LIKE_ID))  # type: ignore[attr-defined]
    qtbot.keyClicks(form.editors["notes"], "Pas 111222333")
    kept: list[dict[str, Any]] = []
    DraftKeeper("match:x", form, lambda _id, values: kept.append(values)).flush()
    assert kept == [{"employer_id": BSN_LIKE_ID}]
    assert not form.findChild(QLabel, "error_employer_id").isVisible()
    assert form.findChild(QLabel, "error_notes").isVisible()  # typed text still refused


def test_no_draft_is_kept_behind_a_save(build_window: Any, qtbot: Any) -> None:
    """A draft the timer kept after the save was queued outlived it: the save dropped the
    draft, then the timer wrote it again, and what was saved (here a visit's topics; in
    CI a referral's name, phone and question) stayed in the vault as a draft. Found by
    test_referral_chain under CI load; here the draft's delay is 0, so the timer is due
    the moment the save is clicked."""
    from PySide6.QtCore import Qt

    ops, dialog, cid = _visit_dialog(build_window, qtbot)
    dialog.drafts._timer.setInterval(0)
    qtbot.keyClicks(dialog.form.editors["topics"], "Werktijden besproken")
    qtbot.keyClicks(dialog.form.editors["agreements"], "Start maandag 7 uur")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # the timer is due: no event ran yet
    qtbot.waitUntil(lambda: dialog.saved_result is not None, timeout=10000)
    settle(qtbot, ops)
    qtbot.wait(50)
    settle(qtbot, ops)
    assert f"visit:{cid}" not in _drafts(ops, qtbot)
