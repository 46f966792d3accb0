"""Print and export: the rectification plan PDF (save, preview, print) and the .jianfu file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
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

from jianfu.exchange.assessment_file import FILE_SUFFIX
from jianfu.ui.session import Session
from jianfu.ui.tasks import Progress, run_in_background


def build_plan_pdf(session: Session, path: Path, progress: Progress) -> Path:
    """Score, then print the plan to ``path`` (written whole or not at all)."""
    from jianfu.core.scoring import score_assessment
    from jianfu.reports.rectification import build_rectification_pdf

    assert session.assessment is not None
    progress(0.1)
    result = score_assessment(session.checklist, session.assessment.answers)
    progress(0.3)
    partial = path.with_name(path.name + ".part")
    build_rectification_pdf(session.assessment, session.checklist, result, partial)
    progress(1.0)  # raises if cancelled meanwhile, before the file replaces anything
    partial.replace(path)
    return path


def export_file(session: Session, path: Path, progress: Progress) -> Path:
    assert session.current is not None
    progress(0.2)
    session.service.export(session.current, path)
    progress(1.0)
    return path


def render_pages(path: Path, dpi: float) -> list[QImage]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(str(path))
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, no alpha
            data = bytes(bitmap.buffer)
            image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before ``data`` goes away
    finally:
        document.close()
    return images


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
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(label)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.page_count = len(pages)


class ExportPage(QWidget):
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
        row = QHBoxLayout()
        self.save_pdf_button = QPushButton(self.tr("Save plan as PDF…"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        for button in (self.save_pdf_button, self.preview_button, self.print_button):
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
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_plan)
        self.export_button.clicked.connect(self.export)

    def load(self) -> None:
        self.status.setText("")
        self.session.rescore()  # print and export the plan as the current answers draft it

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

    def write_pdf(self, path: Path, then: Any = None) -> None:

        def done(result: Path) -> None:
            self.last_pdf = result
            self.status.setText(self.tr("Saved: {path}").format(path=result))
            if then:
                then(result)

        run_in_background(
            self,
            self.tr("Printing the plan…"),
            lambda progress: build_plan_pdf(self.session, path, progress),
            done,
            self._failed,
        )

    def preview(self) -> None:
        self.write_pdf(self._scratch_pdf(), lambda path: PreviewDialog(render_pages(path, 80), self).exec())

    def print_plan(self) -> None:
        self.write_pdf(self._scratch_pdf(), self._print_file)

    def _print_file(self, path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for number, image in enumerate(render_pages(path, min(300, printer.resolution()))):
                if number:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

    def _scratch_pdf(self) -> Path:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("jianfu", appauthor=False))
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
