"""quorum: audit the votes of deliberative assemblies, item by item."""
