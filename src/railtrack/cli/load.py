"""``railtrack load``: read report files and show them as a table (filled in below)."""
