"""The stage timers: off unless collected, exclusive of the stages inside, an iterator's ``next`` as a stage."""

from __future__ import annotations

from ceasefire import timing


class Clock:
    """A clock that moves only when told (wall and CPU alike)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _fake_clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(timing.time, "perf_counter", clock)
    monkeypatch.setattr(timing.time, "process_time", clock)
    return clock


def test_marks_do_nothing_unless_collected() -> None:
    assert not timing.on()
    with timing.stage("store"):
        pass
    assert list(timing.timed("read", iter([1, 2]))) == [1, 2]


def test_a_stage_inside_another_counts_to_itself_only(monkeypatch) -> None:
    clock = _fake_clock(monkeypatch)
    with timing.collect() as times:
        assert timing.on()
        with timing.stage("store"):
            clock.now += 2
            with timing.stage("merge"):
                clock.now += 5
            clock.now += 1
    assert not timing.on()
    assert times.seconds == {"store": 3, "merge": 5}
    assert times.cpu == {"store": 3, "merge": 5}


def test_each_next_of_a_timed_iterator_is_the_stage(monkeypatch) -> None:
    clock = _fake_clock(monkeypatch)

    def slow():
        for i in range(3):
            clock.now += 1
            yield i

    with timing.collect() as times:
        got = []
        with timing.stage("extract"):
            for item in timing.timed("parse", slow()):
                clock.now += 10
                got.append(item)
    assert got == [0, 1, 2]
    assert times.seconds == {"parse": 3, "extract": 30}
