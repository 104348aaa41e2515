# contrib/ build fragment
