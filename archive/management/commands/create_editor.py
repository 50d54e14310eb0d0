"""``manage.py create_editor USERNAME [--password PASSWORD]``: a staff account in ``editors``."""
import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.editors import EDITORS_GROUP


class Command(BaseCommand):
    help = (
        "Create an editor: a staff account in the 'editors' group, which may correct articles, pages, "
        "issues and links in /admin/. Asks for the password when --password is not given. Instant."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help="the new account's password (asked for when omitted)")

    def handle(self, *args, username, password=None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"user {username!r} already exists")
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("the passwords do not match")
        if not password:
            raise CommandError("an editor needs a password")
        group = Group.objects.filter(name=EDITORS_GROUP).first()
        if group is None:
            raise CommandError(f"the {EDITORS_GROUP!r} group is missing: run manage.py migrate")
        with transaction.atomic():
            user = User.objects.create_user(username=username, password=password, is_staff=True)
            user.groups.add(group)
        self.stdout.write(f"editor {username} created (staff, group {EDITORS_GROUP})")
