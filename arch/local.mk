# arch/ build fragment (owned by the arch work)
