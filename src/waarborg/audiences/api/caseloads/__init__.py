"""audiences.api.caseloads"""
