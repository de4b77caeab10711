"""Excel in and out, Qt-free. In: the ``safety`` gate for hostile files, ``tabular`` reading
(.xlsx/.xlsm through ``workbook_reading`` and ``unread``, .csv/.txt through ``csv_reading``, into
a ``table``), ``headers`` matching and ``importing``. Out: ``writer`` (string cells, the form
layout helpers) and ``stream`` (big tables streamed into the package)."""
