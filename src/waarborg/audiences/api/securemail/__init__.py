"""audiences.api.securemail"""
