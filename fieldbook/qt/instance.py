"""One running app per database: the second launch brings the first one forward.

The instance holding the database's writer lock (``DatabaseLock``) listens on a local socket
whose name is derived from the user and the database's path (hashed: the socket name carries
no path). A second launch that finds the lock taken connects, sends ``raise`` and waits for
``ok``; when nobody answers, it says which process holds the database.

Only the lock holder ever listens, so a socket file left behind by a crashed holder can be
removed safely before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise\n"
ACK = b"ok\n"
ASK_TIMEOUT_MS = 3000


def server_name(db_path: Path) -> str:
    """``fieldbook-<hash>``: the same for every launch of this user on this database."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name (a bare container): the path alone
        user = ""
    key = f"{user}\0{Path(db_path).resolve()}"
    return "fieldbook-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class InstanceServer(QObject):
    """Listens for a second launch on the same database; ``raise_requested`` when it asks."""

    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket left by a crashed first instance (we hold the lock: nobody else listens).
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
        return False

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while True:
            sock = self._server.nextPendingConnection()
            if sock is None:
                return
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))
            if sock.bytesAvailable():
                self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        data = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        self._buffers[sock] = data[-64:]
        if RAISE in data:
            self._buffers[sock] = b""
            sock.write(ACK)
            sock.flush()
            self.raise_requested.emit()

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()


def ask_first_instance(db_path: Path, timeout_ms: int = ASK_TIMEOUT_MS) -> bool:
    """Ask the instance holding ``db_path`` to come forward; True when it answered."""
    sock = QLocalSocket()
    sock.connectToServer(server_name(db_path))
    if not sock.waitForConnected(timeout_ms):
        return False
    try:
        sock.write(RAISE)
        sock.flush()
        deadline = time.monotonic() + timeout_ms / 1000
        got = b""
        while ACK not in got:
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0 or not sock.waitForReadyRead(left):
                return False
            got += bytes(sock.readAll().data())
        return True
    finally:
        sock.disconnectFromServer()
        sock.close()
