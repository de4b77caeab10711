"""A list page of master data (客户, 卷烟规格): a search box that searches as you type, a count,
新增 / 编辑 / 导入 buttons and the table; Enter opens the selected row, the list reloads when
one of its topics changes and keeps the selection (or selects what was just saved).

A concrete page gives its wording (:class:`ListTexts`, translated in its own class), its table
model, how to load rows for a query, how to word the count, and its edit dialog and import."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from fieldbook.core.journal import Journal
from fieldbook.qt.context import AppContext
from fieldbook.qt.models.row_table_model import RowTableModel
from fieldbook.qt.pages.base import Page, page_layout
from fieldbook.qt.widgets.search_box import SearchBox
from fieldbook.qt.widgets.table_view import RowTableView

if TYPE_CHECKING:
    from fieldbook.qt.dialogs.import_dialog import ImportDialog

#: The import flow, imported the first time it is opened (like a page: the main window's
#: ``build_page``): its module brings every importer (customers, SKUs, orders, slip answers),
#: which a list page opened at start-up does not need before the user asks to import.
IMPORT_DIALOG = ("fieldbook.qt.dialogs.import_dialog", "ImportDialog")


class Listed(Protocol):
    @property
    def id(self) -> str: ...


class RowDialog(Protocol):
    """What a list page needs of its edit dialog (a QDialog with a ``saved`` signal)."""

    @property
    def saved(self) -> SignalInstance: ...

    @property
    def finished(self) -> SignalInstance: ...

    def open(self) -> None: ...


R = TypeVar("R", bound=Listed)


@dataclass(frozen=True)
class ListTexts:
    """A list page's wording (translated by the concrete page)."""

    title: str
    placeholder: str
    search_name: str
    new: str
    new_tip: str
    edit: str
    edit_tip: str
    import_: str
    table_name: str
    reading: str


@dataclass(frozen=True)
class ListSource(Generic[R]):
    """Where a list page's rows come from."""

    #: The rows matching a search (empty: all), run on the worker.
    load: Callable[[Journal, str], list[R]]
    #: The change topics that reload the list.
    topics: frozenset[str]
    #: The key of the list query ("latest wins").
    key: str
    #: The import dialog's kind (``ImportDialog``).
    import_kind: str


class ListPage(Page, Generic[R]):
    def __init__(
        self,
        ctx: AppContext,
        texts: ListTexts,
        model: RowTableModel[R],
        source: ListSource[R],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.texts = texts
        self.source = source
        layout = page_layout(self, texts.title)
        layout.addLayout(self._build_bar(texts))
        self.model = model
        model.setParent(self)
        self.table = RowTableView(self)
        self.table.set_row_model(self.model)
        self.table.setAccessibleName(texts.table_name)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.import_button)

        self.query = ""
        self._select_id: str | None = None
        #: The query whose results are awaited (None: none), and Enter waiting for them.
        self._searching: str | None = None
        self._open_single = False
        self.search.search.connect(self.run_search)
        self.search.go_to_results.connect(self._go_to_results)
        self.table.open_requested.connect(self._open_row)
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_current)
        self.import_button.clicked.connect(self.import_list)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.hub.changed.connect(self._changed)
        self._update_buttons()
        self.reload()

    def _build_bar(self, texts: ListTexts) -> QHBoxLayout:
        bar = self.bar = QHBoxLayout()  # a concrete page may add its own buttons
        bar.setSpacing(8)
        self.search = SearchBox(self)
        self.search.setPlaceholderText(texts.placeholder)
        self.search.setAccessibleName(texts.search_name)
        bar.addWidget(self.search, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setMinimumWidth(90)
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(texts.new)
        self.new_button.setToolTip(texts.new_tip)
        self.new_button.setShortcut("Ctrl+N")
        self.edit_button = QPushButton(texts.edit)
        self.edit_button.setToolTip(texts.edit_tip)
        self.import_button = QPushButton(texts.import_)
        for button in (self.new_button, self.edit_button, self.import_button):
            button.setMinimumHeight(34)
            bar.addWidget(button)
        return bar

    # --- what a concrete page gives -----------------------------------------------------------
    def count_text(self, query: str, n: int) -> str:
        """The count beside the search box (found for a query, or the total)."""
        raise NotImplementedError

    def make_dialog(self, row: R | None) -> RowDialog:
        """The edit dialog of ``row`` (None: a new one)."""
        raise NotImplementedError

    # --- loading ------------------------------------------------------------------------------
    def run_search(self, text: str) -> None:
        self.query = text
        self.reload()

    def reload(self) -> None:
        query, load = self.query, self.source.load
        self._searching = query
        self.ctx.ops.query(
            lambda j: load(j, query),
            lambda rows: self._loaded(query, rows),
            key=self.source.key,
            what=self.texts.reading,
        )

    def _loaded(self, query: str, rows: list[R]) -> None:
        if query == self._searching:
            self._searching = None
        keep = self._select_id or self._current_id()
        self.model.set_rows(rows)
        self.count_label.setText(self.count_text(query, len(rows)))
        row = self.model.row_of(lambda r: r.id == keep) if keep else -1
        self.table.select_row(row if row >= 0 else 0)
        self._select_id = None
        self._update_buttons()
        self.mark_ready()
        if self._open_single and query == self.query:
            self._open_single = False
            self._go_to_results(True)

    def _changed(self, topics: frozenset[str]) -> None:
        if topics & self.source.topics:
            self.reload()

    def _current_id(self) -> str | None:
        row = self.model.row_at(self.table.current_row())
        return row.id if row is not None else None

    # --- keyboard -----------------------------------------------------------------------------
    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def activated(self) -> None:
        self.search.setFocus()

    def _go_to_results(self, by_enter: bool = False) -> None:
        """Down: into the results. Enter: the one match opens (once the results for what was
        typed are in); several: into the results."""
        if by_enter and self._searching is not None:
            self._open_single = True  # answered in _loaded
            return
        if by_enter and self.model.rowCount() == 1:
            self._open_row(0)
            return
        if self.model.rowCount() and self.table.current_row() < 0:
            self.table.select_row(0)
        self.table.setFocus()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.table.current_row() >= 0)

    # --- actions ------------------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:
            self.open_dialog(found)

    def edit_current(self) -> None:
        self._open_row(self.table.current_row())

    def open_dialog(self, row: R | None) -> RowDialog:
        """Open the edit dialog of ``row`` (None: a new one); what it saves is selected when
        the list reloads, and the table has the focus again when it closes."""
        dialog = self.make_dialog(row)
        dialog.saved.connect(self._select_saved)
        dialog.finished.connect(lambda _result: self.table.setFocus())
        dialog.open()
        return dialog

    def _select_saved(self, row: Listed) -> None:
        self._select_id = row.id

    def import_list(self) -> QWidget:
        module, name = IMPORT_DIALOG
        dialog_class: type[ImportDialog] = getattr(importlib.import_module(module), name)
        dialog = dialog_class(self.ctx, self.source.import_kind, self)
        dialog.open()
        dialog.choose_file()
        return dialog
