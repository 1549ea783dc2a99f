"""The API's routes, one module per resource: ``incidents``, ``reports``, ``catalog`` (sources, actors, health)."""
