"""One post-mortem file: open (locked or read-only), load, save, close."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from pmtui.model.codec import SchemaError, postmortem_from_dict, to_dict
from pmtui.model.session import PostMortem
from pmtui.store.errors import BrokenFileError, LockedError, LockHolder
from pmtui.store.lock import FileLock
from pmtui.store.migrate import migrate
from pmtui.store.storage import AtomicJSONStorage, read_json

TABLE = "postmortem"
DOC_ID = 1


def decode_file(path: Path, data: dict[str, Any]) -> tuple[PostMortem, bool]:
    """The post-mortem in a parsed TinyDB file; says whether it was migrated."""
    table = data.get(TABLE)
    if not isinstance(table, dict) or str(DOC_ID) not in table:
        raise BrokenFileError(path, "it holds no post-mortem (is it a pmtui file?)")
    doc = table[str(DOC_ID)]
    if not isinstance(doc, dict):
        raise BrokenFileError(path, "its post-mortem is not an object")
    try:
        doc, migrated = migrate(dict(doc))
        return postmortem_from_dict(doc), migrated
    except SchemaError as error:
        raise BrokenFileError(path, f"unexpected content at {error}") from None
    except ValueError as error:
        raise BrokenFileError(path, str(error)) from None


def load(path: Path) -> PostMortem:
    """Read a post-mortem without locking it (reports, search, the CLI)."""
    pm, _ = decode_file(path, read_json(path))
    return pm


class PostMortemFile:
    """An open post-mortem. Writable while it holds the file's lock.

    ``read_only`` is set, with ``holder``, when another pmtui has the lock:
    the post-mortem can be read but :meth:`save` refuses.
    """

    def __init__(
        self,
        path: Path,
        pm: PostMortem,
        db: TinyDB,
        lock: FileLock | None,
        holder: LockHolder | None,
        migrated: bool,
    ) -> None:
        self.path = path
        self.pm = pm
        self._db = db
        self._lock = lock
        self.holder = holder
        self.migrated = migrated

    @property
    def read_only(self) -> bool:
        return self._lock is None

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> PostMortemFile:
        path = Path(path)
        lock: FileLock | None = None
        holder: LockHolder | None = None
        if not read_only:
            lock = FileLock(path)
            try:
                lock.acquire()
            except LockedError as error:
                lock, holder = None, error.holder
            except OSError:
                lock = None  # a read-only folder: open read-only
        try:
            storage = AtomicJSONStorage(path)
            data = storage.read()
            assert data is not None
            pm, migrated = decode_file(path, data)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        db = TinyDB(path, storage=lambda _p: storage)
        handle = cls(path, pm, db, lock, holder, migrated)
        if migrated and lock is not None:
            handle.save(pm)
        return handle

    @classmethod
    def create(cls, path: Path, pm: PostMortem) -> PostMortemFile:
        """Write a new file (refusing to replace one) and open it locked."""
        lock = FileLock(path)
        lock.acquire()
        if path.exists():
            lock.release()
            raise FileExistsError(path)
        storage = AtomicJSONStorage(path, create=True)
        db = TinyDB(path, storage=lambda _p: storage)
        handle = cls(path, pm, db, lock, None, migrated=False)
        handle.save(pm)
        return handle

    def save(self, pm: PostMortem | None = None) -> None:
        """Write the post-mortem atomically. Raises SaveError on failure."""
        if self._lock is None:
            raise LockedError(self.path, self.holder)
        if pm is not None:
            self.pm = pm
        self._db.table(TABLE).upsert(Document(to_dict(self.pm), doc_id=DOC_ID))

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> PostMortemFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
