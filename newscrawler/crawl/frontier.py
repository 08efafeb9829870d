"""A shared crawl frontier on Redis: N worker processes, on one machine or many, crawl one site together.

Built on scrapy-redis (its request serialisation, priority queue and dupefilter), with what a news crawl run
from cron needs on top of it:

* **one seeding per crawl.** The spider's async ``start()`` is consumed by ``FrontierStartMiddleware``: the
  worker that wins ``SET NX`` on the site's ``seeded`` key seeds the shared queue; every other worker still
  runs ``start()`` (the spider loads the store's known URLs there) but yields none of its requests.
* **nothing lost when a worker dies.** A request popped from the queue becomes a *lease* (moved atomically
  into the ``leases`` hash); it is released only once the engine has finished with it (downloaded, parsed,
  its new requests queued, its article stored). A worker's liveness is a key with a short TTL, renewed every
  second: the leases of a worker whose key has expired go back to the queue, so at most the requests that
  were in flight at a kill are fetched twice.
* **the end of a crawl.** A worker whose engine is idle stays open (``DontCloseSpider``) while the queue has
  requests, any lease is held, or another worker is still starting; then all finish. The last worker to
  leave a finished crawl clears the seen-set and the ``seeded`` key, so the next crawl seeds afresh; an
  interrupted crawl keeps its queue, and the next worker resumes it.
* **our fingerprints.** ``FrontierDupeFilter`` asks ``crawler.request_fingerprinter`` (scrapy-redis's
  RFPDupeFilter hashes URLs its own way and ignores ``REQUEST_FINGERPRINTER_CLASS``).
* **our stats.** Stats stay per worker in Scrapy's default collector (scrapy-redis's RedisStatsCollector
  breaks LogStats and would mix the workers' run records); ``frontier_settings`` refuses it.

Keys, for a site key such as ``suara.com`` (generic crawls use their registrable domain)::

    newscrawler:frontier:suara.com:queue      sorted set of serialised requests (score = -priority)
    newscrawler:frontier:suara.com:seen       set of request fingerprints (hex)
    newscrawler:frontier:suara.com:leases     hash "worker|n" -> "score\\nrequest" of requests being worked on
    newscrawler:frontier:suara.com:seeded     "seeding|worker" or "done|worker"
    newscrawler:frontier:suara.com:workers    hash worker -> JSON (host, pid, started, seen_at)
    newscrawler:frontier:suara.com:alive:W    "starting" / "idle" / "busy", expires unless renewed

Redis reads the serialised requests back with pickle (scrapy-redis's format): give workers a Redis that only
they can reach (a private address, ``requirepass`` in the URL).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import socket
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

logger = logging.getLogger(__name__)

KEY_PREFIX = "newscrawler:frontier"
#: Seconds a worker counts as alive after its last heartbeat: its leases are requeued once this has passed.
DEFAULT_WORKER_TTL = 15.0
HEARTBEAT_INTERVAL = 1.0
#: How long `frontier status` lists a worker after its last heartbeat.
RECENT_SECONDS = 600
REDIS_SCHEMES = ("redis", "rediss", "unix")
SCRAPY_REDIS_STATS = "scrapy_redis.stats.RedisStatsCollector"
_START_MIDDLEWARE = "newscrawler.crawl.frontier.FrontierStartMiddleware"


class FrontierError(Exception):
    """A bad frontier URL (a usage mistake)."""


class FrontierUnreachable(FrontierError):
    """The Redis server of the frontier cannot be reached (an outage, not a mistake)."""


def masked_url(url: str) -> str:
    """The URL with its password hidden, for messages and logs: redis://:***@host:6379/0."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def connect(url: str, timeout: float = 5.0) -> redis.Redis:
    """A client for `url`, checked with PING; FrontierError for a bad URL, FrontierUnreachable when down."""
    if urlsplit(url).scheme not in REDIS_SCHEMES:
        raise FrontierError(f"--frontier must be a redis:// URL (redis://HOST:PORT/DB), got {masked_url(url)!r}")
    try:
        client = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=timeout,
                                      retry_on_timeout=True)
    except ValueError as exc:
        raise FrontierError(f"bad --frontier URL {masked_url(url)}: {exc}") from None
    try:
        client.ping()
    except redis.AuthenticationError as exc:
        raise FrontierError(f"frontier {masked_url(url)}: {exc}") from None
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        raise FrontierUnreachable(f"cannot reach the frontier at {masked_url(url)}: {exc}") from None
    return client


def frontier_settings(url: str) -> dict[str, Any]:
    """The Scrapy settings that make a crawl one worker of the frontier at `url` (checked: raises
    FrontierError / FrontierUnreachable before anything is fetched or seeded)."""
    from newscrawler import settings as project

    connect(url).close()
    return _worker_settings(url, project.SPIDER_MIDDLEWARES)


def apply_frontier_settings(settings, priority: str = "spider") -> bool:
    """For `scrapy crawl SITE -s NEWSCRAWLER_FRONTIER=redis://…` (Scrapyd jobs): complete a crawl's settings
    from that one setting, e.g. in a spider's `update_settings`. Returns whether a frontier is set."""
    url = settings.get("NEWSCRAWLER_FRONTIER")
    if not url:
        return False
    middlewares = dict(settings.getdict("SPIDER_MIDDLEWARES"))
    for name, value in _worker_settings(url, middlewares).items():
        settings.set(name, value, priority=priority)
    return True


def _worker_settings(url: str, spider_middlewares: dict[str, Any]) -> dict[str, Any]:
    return {
        "NEWSCRAWLER_FRONTIER": url,
        "REDIS_URL": url,
        "SCHEDULER": "newscrawler.crawl.frontier.FrontierScheduler",
        "DUPEFILTER_CLASS": "newscrawler.crawl.frontier.FrontierDupeFilter",
        # The frontier outlives each worker; FrontierScheduler decides when it is finished.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        # A lease is released once its article is stored: write each article at once.
        "NEWSCRAWLER_STORE_BATCH": 1,
        "SPIDER_MIDDLEWARES": {**spider_middlewares, _START_MIDDLEWARE: 5},
    }


def site_keys(site_key: str) -> dict[str, str]:
    base = f"{KEY_PREFIX}:{site_key}"
    return {name: f"{base}:{name}" for name in ("queue", "seen", "leases", "seeded", "workers")} | {
        "alive": f"{base}:alive:"
    }


# -- Lua scripts: each runs atomically, so workers never see half a move ----------------------------------------

#: Leases of workers whose alive key has expired go back to the queue. KEYS: leases, queue. ARGV: alive prefix.
_REQUEUE_DEAD = """
local function requeue_dead(leases, queue, alive)
  local moved = 0
  local all = redis.call('HGETALL', leases)
  for i = 1, #all, 2 do
    local owner = string.match(all[i], '^(.*)|')
    if owner == nil or redis.call('EXISTS', alive .. owner) == 0 then
      local cut = string.find(all[i + 1], '\\n', 1, true)
      redis.call('ZADD', queue, tonumber(string.sub(all[i + 1], 1, cut - 1)), string.sub(all[i + 1], cut + 1))
      redis.call('HDEL', leases, all[i])
      moved = moved + 1
    end
  end
  return moved
end
"""

#: A worker joins: requeue dead leases, forget dead workers, reset a stale generation, try to become the
#: seeder. KEYS: seeded, queue, leases, seen, workers. ARGV: alive prefix, me, my worker JSON.
#: Returns {seeder (0/1), requeued}.
_JOIN = _REQUEUE_DEAD + """
local seeded, queue, leases, seen, workers = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local alive, me = ARGV[1], ARGV[2]
local moved = requeue_dead(leases, queue, alive)
local others = 0
for _, w in ipairs(redis.call('HKEYS', workers)) do
  if w ~= me then
    if redis.call('EXISTS', alive .. w) == 1 then others = others + 1 end
  end
end
redis.call('HSET', workers, me, ARGV[3])
local state = redis.call('GET', seeded)
if state then
  local kind, owner = string.match(state, '^(%a+)|(.*)$')
  if kind == 'seeding' and redis.call('EXISTS', alive .. owner) == 0 then
    -- the seeder died half-way: its queue is incomplete, start the crawl again
    redis.call('DEL', queue, seen, leases, seeded)
    state = false
  elseif redis.call('ZCARD', queue) == 0 and redis.call('HLEN', leases) == 0 and others == 0 then
    -- a finished crawl nobody cleaned up (its last worker was killed): a new crawl
    redis.call('DEL', seen, seeded)
    state = false
  end
end
if not state then
  redis.call('SET', seeded, 'seeding|' .. me)
  return {1, moved}
end
return {0, moved}
"""

#: Pop the best request into a lease. KEYS: queue, leases. ARGV: lease field.
_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], ARGV[1], top[2] .. '\\n' .. top[1])
return top[1]
"""

#: Queue a request unless its fingerprint is seen, in one step: a worker killed in between would otherwise leave
#: a request marked seen that no queue holds (lost for good). KEYS: seen, queue. ARGV: fingerprint ("" for a
#: dont_filter request), score, request. Returns 1 if queued.
_PUSH = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""

#: May an idle worker finish? KEYS: queue, leases, workers. ARGV: alive prefix, me. Returns {done, requeued}.
_MAY_FINISH = _REQUEUE_DEAD + """
local moved = requeue_dead(KEYS[2], KEYS[1], ARGV[1])
if redis.call('ZCARD', KEYS[1]) > 0 or redis.call('HLEN', KEYS[2]) > 0 then return {0, moved} end
for _, w in ipairs(redis.call('HKEYS', KEYS[3])) do
  if w ~= ARGV[2] and redis.call('GET', ARGV[1] .. w) == 'starting' then return {0, moved} end
end
return {1, moved}
"""

#: A worker leaves: its unfinished leases go back to the queue; the last worker out of a finished crawl clears
#: it. KEYS: queue, leases, workers, seen, seeded. ARGV: alive prefix, me, finished (0/1).
#: Returns {requeued, cleared}.
_LEAVE = """
local queue, leases, workers, seen, seeded = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local alive, me = ARGV[1], ARGV[2]
local moved = 0
local all = redis.call('HGETALL', leases)
for i = 1, #all, 2 do
  if string.sub(all[i], 1, #me + 1) == me .. '|' then
    local cut = string.find(all[i + 1], '\\n', 1, true)
    redis.call('ZADD', queue, tonumber(string.sub(all[i + 1], 1, cut - 1)), string.sub(all[i + 1], cut + 1))
    redis.call('HDEL', leases, all[i])
    moved = moved + 1
  end
end
redis.call('DEL', alive .. me)
if ARGV[3] ~= '1' or redis.call('ZCARD', queue) > 0 or redis.call('HLEN', leases) > 0 then return {moved, 0} end
for _, w in ipairs(redis.call('HKEYS', workers)) do
  if redis.call('EXISTS', alive .. w) == 1 then return {moved, 0} end
end
local state = redis.call('GET', seeded)
if state and string.sub(state, 1, 5) == 'done|' then
  redis.call('DEL', seen, seeded)
  return {moved, 1}
end
return {moved, 0}
"""


@dataclass
class Frontier:
    """The Redis keys of one site's frontier, and the operations workers and the CLI perform on them."""

    client: redis.Redis
    site_key: str
    keys: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = site_keys(self.site_key)
        self._join = self.client.register_script(_JOIN)
        self._pop = self.client.register_script(_POP)
        self._push = self.client.register_script(_PUSH)
        self._may_finish = self.client.register_script(_MAY_FINISH)
        self._leave = self.client.register_script(_LEAVE)

    def _key(self, *names: str) -> list[str]:
        return [self.keys[n] for n in names]

    # -- workers --------------------------------------------------------------------------------------------
    def heartbeat(self, worker: str, state: str, ttl: float, info: dict[str, Any]) -> None:
        pipe = self.client.pipeline()
        pipe.set(self.keys["alive"] + worker, state, px=int(ttl * 1000))
        pipe.hset(self.keys["workers"], worker, json.dumps({**info, "seen_at": time.time()}))
        pipe.execute()

    def join(self, worker: str, info: dict[str, Any]) -> tuple[bool, int]:
        """(whether this worker seeds the crawl, leases of dead workers requeued)."""
        seeder, moved = self._join(
            keys=self._key("seeded", "queue", "leases", "seen", "workers"),
            args=[self.keys["alive"], worker, json.dumps({**info, "seen_at": time.time()})],
        )
        self._forget_old_workers()
        return bool(seeder), int(moved)

    def _forget_old_workers(self, older_than: float = 24 * 3600) -> None:
        """Workers that have not been heard from for a day leave the list (one entry per run otherwise)."""
        now = time.time()
        for worker, raw in self.client.hgetall(self.keys["workers"]).items():
            try:
                seen_at = float(json.loads(raw).get("seen_at") or 0)
            except (ValueError, AttributeError):
                seen_at = 0
            if now - seen_at > older_than and not self.client.exists(self.keys["alive"] + worker.decode()):
                self.client.hdel(self.keys["workers"], worker)

    def seeded(self, worker: str) -> None:
        """The seeder's start requests are all in the queue."""
        self.client.set(self.keys["seeded"], f"done|{worker}")

    def push(self, data: bytes, priority: int, fingerprint: str | None) -> bool:
        """Queue a serialised request; with a fingerprint, only if no worker has queued it before."""
        return bool(self._push(keys=self._key("seen", "queue"), args=[fingerprint or "", -priority, data]))

    def pop(self, lease: str) -> bytes | None:
        return self._pop(keys=self._key("queue", "leases"), args=[lease])

    def release(self, leases: list[str]) -> None:
        if leases:
            self.client.hdel(self.keys["leases"], *leases)

    def may_finish(self, worker: str) -> tuple[bool, int]:
        done, moved = self._may_finish(keys=self._key("queue", "leases", "workers"),
                                       args=[self.keys["alive"], worker])
        return bool(done), int(moved)

    def leave(self, worker: str, finished: bool) -> tuple[int, bool]:
        moved, cleared = self._leave(keys=self._key("queue", "leases", "workers", "seen", "seeded"),
                                     args=[self.keys["alive"], worker, "1" if finished else "0"])
        return int(moved), bool(cleared)

    # -- the CLI ----------------------------------------------------------------------------------------------
    def status(self, recent: float = RECENT_SECONDS) -> dict[str, Any]:
        now = time.time()
        pipe = self.client.pipeline()
        pipe.zcard(self.keys["queue"])
        pipe.hlen(self.keys["leases"])
        pipe.scard(self.keys["seen"])
        pipe.get(self.keys["seeded"])
        pipe.hgetall(self.keys["workers"])
        queued, leased, seen, seeded, workers = pipe.execute()
        listed = []
        for worker, raw in sorted(workers.items()):
            name = worker.decode("utf-8", "replace")
            try:
                info = json.loads(raw)
            except ValueError:
                info = {}
            state = self.client.get(self.keys["alive"] + name)
            seen_at = float(info.get("seen_at") or 0)
            if state is None and now - seen_at > recent:
                continue
            listed.append({"worker": name, "state": state.decode() if state else "gone",
                           "seen_seconds_ago": round(now - seen_at, 1), "host": info.get("host"),
                           "pid": info.get("pid")})
        seeded_text = seeded.decode() if seeded else None
        return {
            "site": self.site_key, "queued": queued, "in_flight": leased, "seen": seen,
            "seeded": seeded_text.split("|", 1)[0] if seeded_text else "no", "workers": listed,
        }

    def clear(self) -> int:
        """Delete the site's whole frontier (queue, seen-set, leases, seeding mark, workers); returns keys
        deleted."""
        names = [self.keys[n] for n in ("queue", "seen", "leases", "seeded", "workers")]
        names += [k.decode() for k in self.client.scan_iter(match=self.keys["alive"] + "*", count=500)]
        return int(self.client.delete(*names)) if names else 0

    def live_workers(self) -> int:
        return sum(1 for _ in self.client.scan_iter(match=self.keys["alive"] + "*", count=500))


def site_key_of(spider) -> str:
    """The frontier's name for a spider's site: its profile key (a generic crawl's registrable domain)."""
    profile = getattr(spider, "profile", None)
    return getattr(profile, "key", None) or spider.name


# -- Scrapy components ------------------------------------------------------------------------------------------


class FrontierDupeFilter(RFPDupeFilter):
    """scrapy-redis's Redis seen-set, with the crawler's own request fingerprinter (REQUEST_FINGERPRINTER_CLASS);
    the set is the site's ``seen`` key, shared by every worker."""

    def __init__(self, server: redis.Redis, key: str, fingerprinter, debug: bool = False):
        super().__init__(server, key=key, debug=debug)
        self.fingerprinter = fingerprinter

    @classmethod
    def from_crawler(cls, crawler):
        raise NotConfigured("FrontierDupeFilter is made by FrontierScheduler (it needs the spider's site)")

    @classmethod
    def for_site(cls, crawler, server: redis.Redis, site_key: str) -> FrontierDupeFilter:
        return cls(server, site_keys(site_key)["seen"], crawler.request_fingerprinter,
                   debug=crawler.settings.getbool("DUPEFILTER_DEBUG"))

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    def close(self, reason: str = "") -> None:
        """The seen-set belongs to the crawl, not to one worker: FrontierScheduler clears it at the end."""


class FrontierScheduler(Scheduler):
    """scrapy-redis's scheduler with leases, worker heartbeats and a shared end of crawl (see the module
    docstring). The engine's view of what it is still working on is read from its slot (`inprogress`)."""

    def __init__(self, server: redis.Redis, crawler, **kwargs: Any):
        super().__init__(server, **kwargs)
        self.crawler = crawler
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.ttl = crawler.settings.getfloat("NEWSCRAWLER_FRONTIER_WORKER_TTL", DEFAULT_WORKER_TTL)
        self.info = {"host": socket.gethostname(), "pid": os.getpid(), "started": time.time()}
        self.frontier: Frontier | None = None
        self.state = "starting"
        self._leases: dict[str, Request] = {}
        self._seq = 0
        self._local: deque[Request] = deque()  # requests that cannot be serialised stay in this worker
        self._beat: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.get("STATS_CLASS") == SCRAPY_REDIS_STATS:
            raise NotConfigured("the frontier keeps Scrapy's own stats: RedisStatsCollector breaks LogStats")
        url = settings.get("NEWSCRAWLER_FRONTIER") or settings.get("REDIS_URL")
        if not url:
            raise NotConfigured("FrontierScheduler needs NEWSCRAWLER_FRONTIER (a redis:// URL)")
        if _START_MIDDLEWARE not in settings.getdict("SPIDER_MIDDLEWARES"):
            # Without it every worker would seed the crawl again (see apply_frontier_settings).
            raise NotConfigured(f"FrontierScheduler needs {_START_MIDDLEWARE} in SPIDER_MIDDLEWARES")
        instance = cls(server=connect(url), crawler=crawler, persist=True,
                       queue_cls="scrapy_redis.queue.PriorityQueue", serializer=picklecompat)
        instance.stats = crawler.stats
        return instance

    # -- Scheduler interface ----------------------------------------------------------------------------------
    def open(self, spider) -> None:
        self.spider = spider
        if self._in_progress() is None:
            # Scrapy >= 2.20 may have moved it: fail at once rather than hold every lease forever.
            raise RuntimeError("the frontier cannot see which requests the engine is working on "
                               "(ExecutionEngine._slot.inprogress); check the Scrapy version")
        self.frontier = Frontier(self.server, site_key_of(spider))
        self.queue = PriorityQueue(server=self.server, spider=spider, key=self.frontier.keys["queue"],
                                   serializer=self.serializer)
        self.df = FrontierDupeFilter.for_site(self.crawler, self.server, self.frontier.site_key)
        self.frontier.heartbeat(self.worker, "starting", self.ttl, self.info)
        self.crawler.signals.connect(self._spider_idle, signal=signals.spider_idle)
        self._beat = task.LoopingCall(self._tick)
        self._beat.start(HEARTBEAT_INTERVAL, now=False)
        logger.info("frontier worker %s on %s (%d requests queued)", self.worker, self.frontier.keys["queue"],
                    len(self.queue))

    def join(self) -> bool:
        """Called once, before the start requests: whether this worker seeds the crawl."""
        assert self.frontier is not None
        seeder, moved = self.frontier.join(self.worker, self.info)
        self._count_requeued(moved)
        self.stats.set_value("newscrawler/frontier/seeder", seeder)
        logger.info("frontier: %s", "seeding the crawl" if seeder else "joining a crawl another worker seeded")
        return seeder

    def seeded(self) -> None:
        assert self.frontier is not None
        self.frontier.seeded(self.worker)

    def enqueue_request(self, request: Request) -> bool:
        assert self.frontier is not None
        try:
            data = self.queue._encode_request(request)
        except (pickle.PicklingError, TypeError, ValueError, AttributeError) as exc:
            # pickle errors; a callback that is not a method of the spider
            return self._keep_local(request, exc)
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        if not self.frontier.push(data, request.priority, fingerprint):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def _keep_local(self, request: Request, exc: Exception) -> bool:
        """A request that cannot be serialised is crawled by this worker rather than lost (once: the shared
        seen-set still decides)."""
        if not request.dont_filter and self.df.request_seen(request):
            return False
        logger.warning("request not shareable (%s), crawled by this worker only: %s", exc, request.url)
        self.stats.inc_value("newscrawler/frontier/local_requests")
        self._local.append(request)
        return True

    def next_request(self) -> Request | None:
        if self._local:
            return self._local.popleft()
        assert self.frontier is not None
        # The engine asks as soon as a request is done: release it now, not at the next heartbeat, so that a
        # kill a moment later does not hand a finished request (and what it led to) to another worker.
        self._release_finished()
        self._seq += 1
        lease = f"{self.worker}|{self._seq}"
        data = self.frontier.pop(lease)
        if data is None:
            return None
        request = self.queue._decode_request(data)
        self._leases[lease] = request
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return bool(self._local) or len(self.queue) > 0

    def close(self, reason: str) -> None:
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        if self.frontier is None:
            return
        self._release_finished()
        moved, cleared = self.frontier.leave(self.worker, finished=reason == "finished")
        if moved:
            logger.info("frontier: %d unfinished requests handed back to the queue", moved)
        if cleared:
            logger.info("frontier: the crawl is finished; its seen-set is cleared for the next one")

    # -- leases, heartbeat, idle ------------------------------------------------------------------------------
    def _in_progress(self) -> set[Request] | None:
        """The requests the engine is still working on (downloading, parsing, storing their items)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        return getattr(slot, "inprogress", None)

    def _release_finished(self) -> None:
        """A lease ends when its request has left the engine: everything it led to is queued or stored.

        The engine puts a request into `inprogress` in the same call that takes it from next_request(), and
        removes it only after its callback's requests are scheduled and its items have left the pipelines."""
        in_progress = self._in_progress()
        if in_progress is None or not self._leases:
            return
        done = [lease for lease, request in self._leases.items() if request not in in_progress]
        for lease in done:
            del self._leases[lease]
        assert self.frontier is not None
        self.frontier.release(done)

    def _tick(self) -> None:
        try:
            assert self.frontier is not None
            state = "starting" if self.state == "starting" else ("busy" if self._leases else "idle")
            self.frontier.heartbeat(self.worker, state, self.ttl, self.info)
            self._release_finished()
            if not self._leases and len(self.queue) > 0:
                self._wake_engine()
        except redis.RedisError as exc:
            logger.warning("frontier heartbeat failed: %s", exc)

    def _wake_engine(self) -> None:
        """Work appeared in the queue while this worker was idle: ask the engine to pull now rather than at
        its next 5-second heartbeat."""
        nextcall = getattr(getattr(self.crawler.engine, "_slot", None), "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def _spider_idle(self, spider) -> None:
        assert self.frontier is not None
        self._release_finished()
        self.state = "idle"
        self.frontier.heartbeat(self.worker, "idle", self.ttl, self.info)
        done, moved = self.frontier.may_finish(self.worker)
        self._count_requeued(moved)
        if not done:
            raise DontCloseSpider

    def _count_requeued(self, moved: int) -> None:
        if moved:
            logger.warning("frontier: %d requests of a worker that stopped answering went back to the queue",
                           moved)
            self.stats.inc_value("newscrawler/frontier/requeued", moved)


class FrontierStartMiddleware:
    """Spider middleware: the spider's async ``start()`` seeds the shared queue once per crawl.

    The worker that wins the seeding key passes the start requests on; the others run ``start()`` to its end
    (the spider sets itself up there) and drop what it yields."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_start(self, start):
        scheduler = self.crawler.engine.scheduler
        if not isinstance(scheduler, FrontierScheduler):
            async for item in start:
                yield item
            return
        if scheduler.join():
            async for item in start:
                yield item
            scheduler.seeded()
            return
        dropped = 0
        async for _ in start:
            dropped += 1
        self.crawler.stats.set_value("newscrawler/frontier/start_requests_dropped", dropped)
