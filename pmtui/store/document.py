"""One post-mortem file: open (locked or read-only), load, save, close."""

from __future__ import annotations

from pathlib import Path

from pmtui.model.codec import SchemaError, postmortem_from_dict, to_dict
from pmtui.model.session import SCHEMA_VERSION, PostMortem
from pmtui.store.errors import BrokenFileError, LockedError, LockHolder
from pmtui.store.jsonfile import backup_path, read_json

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import MutableMapping
    from typing import Any

    from tinydb import TinyDB

    from pmtui.store.lock import FileLock
    from pmtui.store.storage import AtomicJSONStorage

# TinyDB and the lock are imported only where a handle is opened: a reader
# (load) needs neither, and the command line starts faster without them. The
# migrations are imported only for a file that is not of the current schema.

TABLE = "postmortem"
DOC_ID = 1

Decoded = tuple[PostMortem, bool]


def decode_file(
    path: Path, data: dict[str, Any], *, pendulum_times: bool = True
) -> tuple[PostMortem, bool]:
    """The post-mortem in a parsed TinyDB file; says whether it was migrated.

    ``data`` is not changed: migrations work on a copy (a current file needs
    none, and decoding builds new objects). ``pendulum_times``: see
    :func:`pmtui.model.codec.from_dict`.
    """
    table = data.get(TABLE)
    if not isinstance(table, dict) or str(DOC_ID) not in table:
        raise BrokenFileError(path, "it holds no post-mortem (is it a pmtui file?)")
    doc = table[str(DOC_ID)]
    if not isinstance(doc, dict):
        raise BrokenFileError(path, "its post-mortem is not an object")
    try:
        version = doc.get("schema_version", 1)
        migrated = False
        if type(version) is not int or version != SCHEMA_VERSION:
            import copy

            from pmtui.store.migrate import migrate  # old (or odd) files only

            doc, migrated = migrate(copy.deepcopy(doc))
        return postmortem_from_dict(doc, pendulum_times=pendulum_times), migrated
    except SchemaError as error:
        raise BrokenFileError(path, f"unexpected content at {error}") from None
    except ValueError as error:
        raise BrokenFileError(path, str(error)) from None
    except RecursionError:
        raise BrokenFileError(path, "it is nested too deeply") from None


def good_backup(path: Path) -> Path | None:
    """``path``'s backup if it holds a post-mortem this pmtui can read."""
    backup = backup_path(path)
    if not backup.is_file():
        return None
    try:
        decode_file(backup, read_json(backup))
    except BrokenFileError:
        return None
    return backup


def _offer_backup(error: BrokenFileError) -> BrokenFileError:
    if error.backup is not None:
        return error
    return BrokenFileError(error.path, error.reason, good_backup(error.path))


def _read(
    path: Path,
    storage: AtomicJSONStorage | None = None,
    *,
    pendulum_times: bool = True,
) -> Decoded:
    try:
        data = storage.read() if storage is not None else read_json(path)
        assert data is not None
        return decode_file(path, data, pendulum_times=pendulum_times)
    except BrokenFileError as error:
        raise _offer_backup(error) from None


def load(path: Path, *, pendulum_times: bool = True) -> PostMortem:
    """Read a post-mortem without locking it (reports, search, the CLI).

    Raises :class:`BrokenFileError`, naming a good backup when there is one.
    With ``pendulum_times=False`` times are standard-library datetimes, so a
    reader that only formats them (``pmtui export``) never imports pendulum.
    """
    pm, _ = _read(Path(path), pendulum_times=pendulum_times)
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
        """Open ``path``: locked for writing, else read-only with ``holder``.

        A broken file raises :class:`BrokenFileError` and is left untouched.
        An old file is migrated and, when writable, saved at once (the old
        version stays in the backup).
        """
        from tinydb import TinyDB

        from pmtui.store.lock import FileLock
        from pmtui.store.storage import AtomicJSONStorage

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
        storage = AtomicJSONStorage(path)
        try:
            pm, migrated = _read(path, storage)
            db = TinyDB(path, storage=lambda _p: storage)
            handle = cls(path, pm, db, lock, holder, migrated)
            if migrated and lock is not None:
                handle.save(pm)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return handle

    @classmethod
    def create(cls, path: Path, pm: PostMortem) -> PostMortemFile:
        """Write a new file (refusing to replace one) and open it locked."""
        from tinydb import TinyDB

        from pmtui.store.atomic import ensure_dir
        from pmtui.store.lock import FileLock
        from pmtui.store.storage import AtomicJSONStorage

        path = Path(path)
        ensure_dir(path.parent)
        lock = FileLock(path)
        lock.acquire()
        try:
            if path.exists():
                raise FileExistsError(path)
            storage = AtomicJSONStorage(path, create=True)
            db = TinyDB(path, storage=lambda _p: storage)
            handle = cls(path, pm, db, lock, None, migrated=False)
            handle.save(pm)
        except BaseException:
            lock.release()
            raise
        return handle

    def save(self, pm: PostMortem | None = None) -> None:
        """Write the post-mortem atomically. Raises SaveError on failure.

        The stored document is replaced whole, so it is exactly ``to_dict(pm)``
        (TinyDB's update would keep keys the model no longer has).
        """
        if self._lock is None:
            raise LockedError(self.path, self.holder)
        if pm is not None:
            self.pm = pm
        doc = to_dict(self.pm)
        table = self._db.table(TABLE)
        if table.contains(doc_id=DOC_ID):

            def replace(stored: MutableMapping[str, Any]) -> None:
                stored.clear()
                stored.update(doc)

            table.update(replace, doc_ids=[DOC_ID])
        else:
            from tinydb.table import Document

            table.insert(Document(doc, doc_id=DOC_ID))

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> PostMortemFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
