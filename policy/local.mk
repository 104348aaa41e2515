# policy/ build fragment
