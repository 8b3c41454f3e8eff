"""audiences.api.consent"""
