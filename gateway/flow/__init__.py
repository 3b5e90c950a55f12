"""Call flows: what happens between a route parsing a request and answering it."""
