"""audiences.portal.static.portal"""
