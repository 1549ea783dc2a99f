"""The store across processes: one after another, and a writer killed mid-transaction."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from ceasefire.store import open_store
from tests.store import factory as f

ROOT = Path(__file__).resolve().parents[2]
TEXT2 = f.TEXT + "\n\nA second story."

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from ceasefire.store import open_store
    from ceasefire.store import store as store_module
    from tests.store import factory as f

    url, what = sys.argv[1], sys.argv[2]
    store = open_store(url)
    real_insert = store_module._insert

    def kill_at(table_name):
        def insert(conn, table, values):
            if table.name == table_name:
                os.kill(os.getpid(), signal.SIGKILL)
            real_insert(conn, table, values)
        store_module._insert = insert

    if what == "add-first":
        assert store.add_document(*f.bundle())
    elif what == "add-second":
        assert store.has_document(f.bundle()[0].sha256)
        assert store.add_document(*f.bundle(f.TEXT + "\\n\\nA second story.", "a-2"))
    elif what == "kill-in-add":
        kill_at("claims")
        store.add_document(*f.bundle())
    elif what == "kill-in-replace":
        ments = store.mentions()
        kill_at("incident_mentions")
        store.replace_incidents([f.incident("new", tuple(ments))])
    store.close()
    """
)


def run_child(url: str, what: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-c", CHILD, url, what],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_processes_one_after_another(db_url: str) -> None:
    first = run_child(db_url, "add-first")
    assert first.returncode == 0, first.stderr
    second = run_child(db_url, "add-second")
    assert second.returncode == 0, second.stderr
    with open_store(db_url) as store:
        assert store.counts()["documents"] == 2
        assert [r.article.id for r in store.reports()] == ["a-2", "wire-1"]


def test_writer_killed_mid_add_leaves_nothing_and_rerun_equals_clean_run(db_url: str, tmp_path: Path) -> None:
    killed = run_child(db_url, "kill-in-add")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with open_store(db_url) as store:
        assert all(n == 0 for n in store.counts().values())
        assert store.add_document(*f.bundle())
        after_rerun = store.snapshot()
    with open_store(str(tmp_path / "clean.db")) as clean:
        clean.add_document(*f.bundle())
        assert clean.snapshot() == after_rerun


def test_writer_killed_mid_replace_keeps_the_old_incidents(db_url: str) -> None:
    with open_store(db_url) as store:
        doc, reps, ments = f.bundle()
        store.add_document(doc, reps, ments)
        store.replace_incidents([f.incident("old", (ments[0],))])
        before = store.snapshot()
    killed = run_child(db_url, "kill-in-replace")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with open_store(db_url) as store:
        assert store.snapshot() == before
        assert [i.id for i in store.incidents()] == ["old"]
