"""audiences.api.rights"""
