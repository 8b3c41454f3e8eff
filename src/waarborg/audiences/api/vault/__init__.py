"""audiences.api.vault"""
