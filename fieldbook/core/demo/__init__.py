"""Demo and benchmark data: a realistic department and its history, from one seed."""
