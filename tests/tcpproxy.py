"""A TCP forwarder on 127.0.0.1 that a test can cut, to take a real store away mid-crawl."""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit, urlunsplit


class TcpProxy:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    @classmethod
    def for_uri(cls, uri: str) -> tuple[TcpProxy, str]:
        """A proxy in front of a mongodb:// URI's first host, and the URI that goes through it."""
        parts = urlsplit(uri)
        host_port = parts.netloc.rsplit("@", 1)[-1].split(",")[0]
        host, _, port = host_port.rpartition(":")
        proxy = cls(host or "127.0.0.1", int(port or 27017))
        netloc = parts.netloc.replace(host_port, f"127.0.0.1:{proxy.port}")
        query = parts.query if "directConnection" in parts.query else "&".join(
            q for q in (parts.query, "directConnection=true") if q)
        return proxy, urlunsplit((parts.scheme, netloc, parts.path, query, ""))

    def _accept(self) -> None:
        while self.open:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        with contextlib.suppress(OSError):
            dst.shutdown(socket.SHUT_WR)

    def cut(self) -> None:
        """Refuse new connections and drop the open ones: the store is gone."""
        self.open = False
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.close()
