"""audiences.api.breaches"""
