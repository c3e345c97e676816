"""Assignment descriptions of the training course (one module per assignment)."""
