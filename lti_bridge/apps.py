from django.apps import AppConfig


class BridgeConfig(AppConfig):
    name = "lti_bridge"
    verbose_name = "JobInTech bridge"
    default_auto_field = "django.db.models.BigAutoField"
