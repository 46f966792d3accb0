"""Print and export: the rectification plan PDF (save, preview, print) and the .jianfu file."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.completeness import unconfirmed_text
from jianfu.core.errors import JianfuError
from jianfu.core.plan import unrouted
from jianfu.core.wording import join_clauses
from jianfu.exchange.assessment_file import FILE_SUFFIX
from jianfu.ui.pages.plan_page import PRINTED_BLANK
from jianfu.ui.session import Session
from jianfu.ui.tasks import Cancelled, Progress, Task, run_in_background
from jianfu.ui.widgets.carried_notice import CarriedNotice

if TYPE_CHECKING:
    from jianfu.core.follow_up import FollowUp
    from jianfu.core.plan import RectificationItem


def partial_path(path: Path) -> Path:
    """Where a document is written before it replaces ``path``: named after this process, so that
    two programs writing the same file (the preview in the shared cache folder) never take each
    other's half-written file."""
    return path.with_name(f"{path.name}.{os.getpid()}.part")


def build_plan_pdf(session: Session, path: Path, progress: Progress, follow_up: FollowUp | None = None) -> Path:
    """Score, then print the plan to ``path`` (written whole or not at all). ``follow_up``, last
    period's plan, is read on the UI thread (``Session.follow_up``): the database stays there."""
    from jianfu.core.scoring import score_assessment
    from jianfu.reports.rectification import build_rectification_pdf

    assert session.assessment is not None
    progress(0.1)
    result = score_assessment(session.checklist, session.assessment.answers)
    progress(0.3)
    partial = partial_path(path)
    build_rectification_pdf(session.assessment, session.checklist, result, partial, follow_up=follow_up)
    progress(1.0)  # raises if cancelled meanwhile, before the file replaces anything
    partial.replace(path)
    return path


def build_plan_docx(session: Session, path: Path, progress: Progress, follow_up: FollowUp | None = None) -> Path:
    """The plan as an editable Word document (written whole or not at all)."""
    from jianfu.core.scoring import score_assessment
    from jianfu.reports.plan_docx import build_rectification_docx

    assert session.assessment is not None
    progress(0.2)
    result = score_assessment(session.checklist, session.assessment.answers)
    partial = partial_path(path)
    build_rectification_docx(session.assessment, session.checklist, result, partial, follow_up=follow_up)
    progress(1.0)
    partial.replace(path)
    return path


def export_file(session: Session, path: Path, progress: Progress) -> Path:
    assert session.current is not None
    progress(0.2)
    session.service.export(session.current, path)
    progress(1.0)
    return path


def iter_pages(path: Path, dpi: float, progress: Progress | None = None) -> Iterator[QImage]:
    """The PDF's pages as images, one at a time: a page at printer resolution is ~26 MB, so a
    printout holds one, not all of them. ``progress`` (if given) hears each page and can cancel."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(str(path))
    try:
        count = len(document)
        for number in range(count):
            if progress:
                progress(number / count)
            page = document[number]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, no alpha
            data = bytes(bitmap.buffer)
            image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            yield image.copy()  # own the pixels before ``data`` goes away
            del bitmap, data, image
            page.close()
    finally:
        document.close()


def render_pages(path: Path, dpi: float, progress: Progress | None = None) -> list[QImage]:
    """Every page (for the preview, at screen resolution); called in a worker."""
    return list(iter_pages(path, dpi, progress))


STRIP_ROWS = 160  # printer pixels rendered and drawn at a time (see print_pages)


def print_pages(path: Path, printer: QPrinter, progress: Progress) -> int:
    """Print the PDF in a worker (QPainter may paint on a QPrinter off the UI thread), each page
    in horizontal strips: PySide holds the interpreter lock through a drawImage call, and a whole
    page at 300 dpi held it (and froze the window) for two seconds; a strip holds it for a few
    milliseconds and keeps memory to one strip. Cancel between strips aborts the job. Returns the
    number of pages printed."""
    import pypdfium2 as pdfium

    painter = QPainter()
    if not painter.begin(printer):
        raise JianfuError("无法开始打印：打印机不可用或打印文件无法写入，请检查打印机设置后重试。")
    dpi = min(300, printer.resolution())
    document = pdfium.PdfDocument(str(path))
    printed = 0
    try:
        count = len(document)
        for number in range(count):
            if number:
                printer.newPage()
            page = document[number]
            width, height = page.get_size()  # points
            target = painter.viewport()
            scale = min(target.width() / (width * dpi / 72), target.height() / (height * dpi / 72))
            strip = STRIP_ROWS * 72 / dpi  # points
            strips = math.ceil(height / strip)
            for n in range(strips):
                progress((number + n / strips) / count)
                top = n * strip
                bitmap = page.render(
                    scale=dpi / 72, crop=(0, max(0.0, height - top - strip), 0, top), rev_byteorder=True
                )
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
                y = target.y() + top * dpi / 72 * scale
                # One printer pixel of overlap, so no hairline shows where strips meet.
                painter.drawImage(
                    QRectF(target.x(), y, bitmap.width * scale, bitmap.height * scale + 1), image, QRectF(image.rect())
                )
                del image, bitmap
            page.close()
            printed += 1
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
        document.close()
    progress(1.0)
    return printed


class PageImage(QWidget):
    """One rendered page, painted from its image: no copy into a pixmap when the preview opens
    (nine pages took ~20 ms on the UI thread), and only the pages scrolled into view are drawn."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.setFixedSize(image.size())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(event.rect(), self.image, event.rect())
        painter.end()


class PreviewDialog(QDialog):
    def __init__(self, pages: list[QImage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview"))
        self.resize(900, 700)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        column = QVBoxLayout(holder)
        for image in pages:
            column.addWidget(PageImage(image), 0, Qt.AlignmentFlag.AlignHCenter)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.page_count = len(pages)


def blank_fields(plan: list[RectificationItem]) -> dict[str, int]:
    """How many of the printed items (those not rejected) leave 责任人 or 整改时限 blank, of "total"."""
    printed = [item for item in plan if not item.rejected]
    counts = {field: sum(not getattr(item, field).strip() for item in printed) for field in PRINTED_BLANK}
    return {"total": len(printed), **counts}


class ExportPage(QWidget):
    page_requested = Signal(str)  # a wizard page to show (the first with answers to confirm)
    blanks_requested = Signal()  # the plan page, at its first item without 责任人 or 整改时限
    unrouted_requested = Signal()  # the plan page, its first request naming no one department open

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.last_pdf: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel(self.tr("Print and export"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        plan = QLabel(
            self.tr(
                "The rectification plan is laid out as a government document (A4, GB/T 9704): basic "
                "information, scores with a radar chart, findings, the task list and the items for the county."
            )
        )
        plan.setWordWrap(True)
        layout.addWidget(plan)
        # plan items printed with a blank 责任人 or 整改时限: said, with the way back; printing goes on
        self.blanks = CarriedNotice(self.tr("Fill them in on the plan page"))
        self.blanks.setObjectName("planBlanks")
        self.blanks.go.connect(self.blanks_requested)
        layout.addWidget(self.blanks)
        row = QHBoxLayout()
        self.save_pdf_button = QPushButton(self.tr("Save plan as PDF…"))
        self.save_docx_button = QPushButton(self.tr("Save as Word (editable)…"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        for button in (self.save_pdf_button, self.save_docx_button, self.preview_button, self.print_button):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        export = QLabel(
            self.tr(
                "Send the assessment file to the county: it holds your answers, scores and plan, and is "
                "checked for changes when the county imports it."
            )
        )
        export.setWordWrap(True)
        layout.addSpacing(16)
        layout.addWidget(export)
        # an incomplete assessment says so before it is sent: the county sees 未完成 and no level
        self.incomplete = QLabel()
        self.incomplete.setObjectName("incompleteNotice")
        self.incomplete.setWordWrap(True)
        self.incomplete.setStyleSheet("color: #b71c1c;")
        self.incomplete.setVisible(False)
        layout.addWidget(self.incomplete)
        # next period: what is exported before last period's answers are confirmed says so
        self.carried = CarriedNotice(self.tr("Go to the first page to confirm"))
        self.carried.go.connect(self._to_first_page_to_confirm)
        layout.addWidget(self.carried)
        # requests to the county naming "one or more of" several departments: exported so, the county
        # cannot pass them on; said, with the way back (exporting goes on)
        self.unrouted = CarriedNotice(self.tr("Pick them on the plan page"))
        self.unrouted.setObjectName("planUnrouted")
        self.unrouted.go.connect(self.unrouted_requested)
        layout.addWidget(self.unrouted)
        row2 = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export assessment file…"))
        row2.addWidget(self.export_button)
        row2.addStretch()
        layout.addLayout(row2)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch()
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_docx_button.clicked.connect(self.save_docx)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_plan)
        self.export_button.clicked.connect(self.export)

    def load(self) -> None:
        self.status.setText("")
        result, plan = self.session.rescore()  # print and export the plan as the current answers draft it
        self._show_blanks(plan)
        count = sum(1 for item in plan if unrouted(item))
        self.unrouted.setVisible(count > 0)
        self.unrouted.text.setText(
            self.tr(
                "{count} requests to the county do not name one department: the county cannot pass them on "
                "to a department. You can still export the file as it is."
            ).format(count=count)
        )
        done = result.completeness
        self.carried.show_count(done.unconfirmed, done.unconfirmed_pages)
        # the notice above already explains unconfirmed carried answers: the line names the rest
        carried = unconfirmed_text(done.unconfirmed, done.unconfirmed_pages) if done.unconfirmed_items else None
        reasons = [r for r in done.incomplete_reasons() if r != carried]
        self.incomplete.setVisible(bool(reasons))
        self.incomplete.setText(
            self.tr(
                "This assessment is incomplete ({reasons}). Once exported, the county will see it as "
                "incomplete, with no level."
            ).format(reasons=join_clauses(reasons))
            if reasons
            else ""
        )

    def _show_blanks(self, plan: list[RectificationItem]) -> None:
        blank = blank_fields(plan)
        parts = []
        if blank["responsible_person"]:
            parts.append(self.tr("{count} have no responsible person").format(count=blank["responsible_person"]))
        if blank["deadline"]:
            parts.append(self.tr("{count} have no deadline").format(count=blank["deadline"]))
        self.blanks.setVisible(bool(parts))
        self.blanks.text.setText(
            self.tr(
                "Of the {total} plan items, {blanks}: these columns print blank, and a plan is reviewed for "
                "who is responsible and by when. You can still print it as it is."
            ).format(total=blank["total"], blanks=join_clauses(parts, "，"))
            if parts
            else ""
        )

    def _to_first_page_to_confirm(self) -> None:
        from jianfu.core.wizard import first_page_to_confirm

        page = first_page_to_confirm(self.session.checklist, self.session.answers)
        if page is not None:
            self.page_requested.emit(page)

    # -------------------------------------------------------------------------- actions

    def _default_name(self, suffix: str) -> str:
        assert self.session.assessment is not None
        a = self.session.assessment
        stem = re.sub(r'[\\/:*?"<>|]', "_", f"{a.township.name}-{a.period.code}")
        folder = QSettings().value("export/folder", str(Path.home()))
        return str(Path(str(folder)) / f"{stem}{suffix}")

    def _ask_path(self, caption: str, suffix: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self, caption, self._default_name(suffix), pattern)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        QSettings().setValue("export/folder", str(path.parent))
        return path

    def save_pdf(self) -> None:
        path = self._ask_path(self.tr("Save rectification plan"), ".pdf", self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.write_pdf(path)

    def save_docx(self) -> None:
        path = self._ask_path(self.tr("Save rectification plan"), ".docx", self.tr("Word documents (*.docx)"))
        if path is not None:
            follow_up = self.session.follow_up()
            run_in_background(
                self,
                self.tr("Writing the Word document…"),
                lambda progress: build_plan_docx(self.session, path, progress, follow_up),
                lambda result: self.status.setText(self.tr("Saved: {path}").format(path=result)),
                self._failed,
            )

    def write_pdf(self, path: Path, then: Any = None) -> None:

        def done(result: Path) -> None:
            self.last_pdf = result
            self.status.setText(self.tr("Saved: {path}").format(path=result))
            if then:
                then(result)

        follow_up = self.session.follow_up()
        run_in_background(
            self,
            self.tr("Printing the plan…"),
            lambda progress: build_plan_pdf(self.session, path, progress, follow_up),
            done,
            self._failed,
        )

    def preview(self) -> None:
        self.write_pdf(self._scratch_pdf(), self._render_preview)

    def _render_preview(self, path: Path) -> None:
        self.preview_task = run_in_background(
            self,
            self.tr("Preparing the preview…"),
            lambda progress: render_pages(path, 80, progress),
            self._show_preview,
            self._failed,
        )

    def _show_preview(self, pages: list[QImage]) -> None:
        self.preview_dialog = PreviewDialog(pages, self)
        self.preview_dialog.open()

    def print_plan(self) -> None:
        self.write_pdf(self._scratch_pdf(), self._print_file)

    def _print_file(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer, path)

    def print_to(self, printer: QPrinter, path: Path) -> Task:
        """Send the PDF at ``path`` to ``printer`` (set up by the print dialog) in a worker."""
        self.printer = printer  # alive until the worker is done with it
        self.print_task = run_in_background(
            self,
            self.tr("Printing…"),
            lambda progress: print_pages(path, printer, progress),
            lambda pages: self.status.setText(self.tr("Sent {count} pages to the printer.").format(count=pages)),
            self._failed,
        )
        return self.print_task

    def _scratch_pdf(self) -> Path:
        from jianfu.paths import cache_dir

        folder = cache_dir()  # beside the data when JIANFU_HOME is set (a portable install)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "preview.pdf"

    def export(self) -> None:
        path = self._ask_path(self.tr("Export assessment file"), FILE_SUFFIX, self.tr("Assessment files (*.jianfu)"))
        if path is None:
            return
        run_in_background(
            self,
            self.tr("Exporting…"),
            lambda progress: export_file(self.session, path, progress),
            self._exported,
            self._failed,
        )

    def _exported(self, path: Path) -> None:
        from jianfu.exchange.signing import installation_fingerprint
        from jianfu.paths import data_dir

        self.status.setText(
            self.tr(
                "Exported: {path}\nSigned with this computer's key {fingerprint}. If the county phones to check "
                "the file, read out this fingerprint."
            ).format(path=path, fingerprint=installation_fingerprint(data_dir()))
        )

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, self.tr("Could not finish"), message)
