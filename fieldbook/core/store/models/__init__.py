"""SQLAlchemy 2 typed ORM models, one module per area, all on one declarative ``Base``
(importing this package registers every table on ``Base.metadata``). The schema itself is
owned by the Alembic migrations in ``schema/migrations``; a test checks that these models and
the migrated schema agree.

The model modules have no ``from __future__ import annotations``: their ``Mapped[...]``
annotations are then types when the class is made, not strings SQLAlchemy evaluates one by one
(about a sixth of the models' import time, paid at every start-up)."""

from fieldbook.core.store.models.audit import AuditEntry, ManagerAuditEntry
from fieldbook.core.store.models.base import Base, JsonText, local_now, new_id, utcnow
from fieldbook.core.store.models.master import (
    Customer,
    Manager,
    Route,
    Setting,
    Sku,
    SkuSupply,
)
from fieldbook.core.store.models.oversight import CustomerChange, EscalationAnswer
from fieldbook.core.store.models.routine import (
    AttendanceDay,
    DayLog,
    FollowUp,
    OrderLine,
    Plan,
    PlanStop,
    Target,
    Visit,
    VisitPhoto,
    VisitSku,
    VisitTimeEdit,
    WeekReport,
    WeekReportRound,
)
from fieldbook.core.store.models.server import (
    AttachmentBlob,
    AttachmentChunk,
    ServerUser,
    SpotCheck,
    SpotCheckItem,
    SyncLogEntry,
)
from fieldbook.core.store.models.slips import (
    Slip,
    SlipAttachment,
    SlipDelivery,
    SlipEvent,
    SlipSuggestion,
)
from fieldbook.core.store.models.sync import SyncConflictRow

__all__ = [
    "AttachmentBlob",
    "AttachmentChunk",
    "AttendanceDay",
    "AuditEntry",
    "Base",
    "Customer",
    "CustomerChange",
    "DayLog",
    "EscalationAnswer",
    "FollowUp",
    "JsonText",
    "Manager",
    "ManagerAuditEntry",
    "OrderLine",
    "Plan",
    "PlanStop",
    "Route",
    "ServerUser",
    "Setting",
    "Sku",
    "SkuSupply",
    "Slip",
    "SlipAttachment",
    "SlipDelivery",
    "SlipEvent",
    "SlipSuggestion",
    "SpotCheck",
    "SpotCheckItem",
    "SyncConflictRow",
    "SyncLogEntry",
    "Target",
    "Visit",
    "VisitPhoto",
    "VisitSku",
    "VisitTimeEdit",
    "WeekReport",
    "WeekReportRound",
    "local_now",
    "new_id",
    "utcnow",
]
