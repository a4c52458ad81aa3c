"""Scale-out runners: the same pipeline on a Ray cluster."""
