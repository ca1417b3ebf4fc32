from django.apps import AppConfig


class LtiConfig(AppConfig):
    name = "lti_bridge.lti"
    label = "lti"
    verbose_name = "LTI 1.3"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the outbox signal)
