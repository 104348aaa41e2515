# man/ build fragment
