"""One window per data folder: a second start brings the first window forward instead.

Two windows on one database overwrote each other's answers silently. A lock file beside the
database says the folder is in use (QLockFile notices a lock left by a crashed process); a
local socket named after the folder lets the second start ask the first to come forward.

The lock is taken before the database is opened; the socket (QtNetwork, ~10 ms to import) is
opened once the first window is painted, so a second start in that moment keeps asking for a while.
QLockFile syncs its file to disk (1–10 ms of waiting on a busy disk): the start lets a worker
thread wait for that while it loads the fonts (:meth:`SingleInstance.begin`).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ALREADY_RUNNING = "本机已有一个减负助手窗口在使用这些数据"
_ACTIVATE = b"activate\n"
ASK_FOR_SECONDS = 3.0  # how long a second start keeps asking an owner still starting up


def _server_name(database: Path) -> str:
    from PySide6.QtCore import QCryptographicHash  # the socket's name is needed after the first paint

    data = str(database.resolve()).encode("utf-8")
    digest = bytes(QCryptographicHash.hash(data, QCryptographicHash.Algorithm.Sha256).toHex().data()).decode()
    return f"jianfu-{digest[:20]}"


class SingleInstance(QObject):
    """Hold the data folder for this process; ``activated`` when another start asks for the window."""

    activated = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.lock = QLockFile(str(database.with_name(database.name + ".lock")))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
        self.server: QLocalServer | None = None
        self._taking: threading.Thread | None = None
        self._locked = False

    def begin(self) -> None:
        """Start taking the lock in a worker thread (PySide6 lets go of the GIL while it waits for
        the disk); :meth:`acquire` waits for it."""
        if self._taking is None:
            self._taking = threading.Thread(target=self._take, name="jianfu-lock", daemon=True)
            self._taking.start()

    def _take(self) -> None:
        self._locked = self.lock.tryLock(200)

    def _taken(self) -> bool:
        if self._taking is None:
            self._take()
        else:
            self._taking.join()
        return self._locked

    def acquire(self) -> bool:
        """True when this process now owns the folder; else the owner has been asked to come forward.
        The owner then calls :meth:`listen` (after its first paint)."""
        if not self._taken():
            self._ask_owner_to_show()
            return False
        return True

    def listen(self) -> None:
        """Answer later starts on this folder (the lock must be held)."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return
        name = _server_name(self.database)
        QLocalServer.removeServer(name)  # a socket left by a crashed owner
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._connection)
        self.server.listen(name)

    def release(self) -> None:
        if self._taking is not None:
            self._taking.join()  # never unlock while the worker may still be locking
            self._taking, self._locked = None, False
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_ACTIVATE.strip()):
            self.activated.emit()

    def _ask_owner_to_show(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + ASK_FOR_SECONDS
        while True:
            socket = QLocalSocket()
            socket.connectToServer(_server_name(self.database))
            if socket.waitForConnected(1000):
                socket.write(_ACTIVATE)
                socket.flush()
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                return
            if time.monotonic() > deadline:  # an owner that never listens (a start-up dialog is open)
                return
            time.sleep(0.05)  # the owner is still painting its first page: not listening yet
