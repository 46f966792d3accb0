"""The editor of a "提出部门" item: picked from the departments already entered, or typed.

The offered names come from ``core.choices.department_choices`` each time the list opens, so a
department typed in a table a moment ago is offered at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from jianfu.core.checklist import Item
from jianfu.core.choices import add_department, split_departments
from jianfu.ui.widgets.item_row import TypedLineEditor


class DepartmentPicker(TypedLineEditor):
    def __init__(self, item: Item, options: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.options = options
        self.edit.setPlaceholderText(self.tr("Pick or type, several separated by 、"))
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.pick_button = QPushButton(self.tr("Pick department"))
        self.pick_button.setMenu(self.menu)  # a click opens the list
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.addWidget(self.pick_button)

    def _fill_menu(self) -> None:
        self.menu.clear()
        chosen = set(split_departments(self.edit.text()))
        names = self.options()
        if not names:
            empty = self.menu.addAction(self.tr("No department entered yet: type the name"))
            empty.setEnabled(False)
        for name in names:
            action = self.menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name in chosen)
            action.triggered.connect(lambda checked, n=name: self.toggle(n, checked))

    def toggle(self, name: str, checked: bool) -> None:
        """Add a picked department, or remove one unticked, and save at once."""
        if checked:
            text = add_department(self.edit.text(), name)
        else:
            text = "、".join(n for n in split_departments(self.edit.text()) if n != name)
        self.edit.setText(text)
        self.changed.emit()
