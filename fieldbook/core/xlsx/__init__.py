"""Qt-free, hostile-input-safe reading of tabular files (.xlsx/.xlsm, .csv/.txt) for imports."""
