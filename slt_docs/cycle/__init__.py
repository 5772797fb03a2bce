"""The SLT year: the tiltak's yearly status (:mod:`.status`), rolling the
plan forward to the next year (:mod:`.rollover`, with the look back from
:mod:`.lookback` and the next møteplan from :mod:`.meetings`), and what
changed between two versions of a plan (:mod:`.diff`, words compared by
:mod:`.worddiff`).

The modules are imported one by one (``from slt_docs.cycle.status import
…``); the data checks use :mod:`.status` only.
"""
