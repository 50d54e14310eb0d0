"""JSON bodies as readers' clients see them: Chinese written as itself, not as \\u escapes."""
from django.http import JsonResponse


def json_response(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
