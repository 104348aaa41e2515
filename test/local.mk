# test/ build fragment
