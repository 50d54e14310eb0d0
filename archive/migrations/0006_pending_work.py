"""Durable pending work: issues owed a reassembly, articles owed an index update, errors of
background work. Issues whose pages were stored but never reassembled (fragments without an
article, as a broker outage used to leave them) are marked due, so the next sweep builds them."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0005_text_as_printed'),
    ]

    operations = [
        migrations.CreateModel(
            name='PendingIndex',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('article_id', models.BigIntegerField(db_index=True)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('sent', models.DateTimeField(blank=True, help_text='When it was last sent to workers.', null=True)),
            ],
            options={
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='WorkError',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(auto_now_add=True)),
                ('work', models.CharField(max_length=64)),
                ('subject', models.CharField(blank=True, max_length=500)),
                ('message', models.TextField()),
            ],
            options={
                'ordering': ['-at', '-pk'],
            },
        ),
        migrations.AddField(
            model_name='issue',
            name='reassembly_due',
            field=models.DateTimeField(blank=True, help_text='Since when reassembly is owed.', null=True),
        ),
        migrations.AddField(
            model_name='issue',
            name='reassembly_sent',
            field=models.DateTimeField(blank=True, help_text='When it was last sent to workers.', null=True),
        ),
        migrations.AddIndex(
            model_name='issue',
            index=models.Index(condition=models.Q(('reassembly_due__isnull', False)), fields=['reassembly_due'], name='issue_reassembly_due'),
        ),
        migrations.RunSQL(
            "UPDATE archive_issue SET reassembly_due = now() WHERE id IN ("
            "SELECT p.issue_id FROM archive_page p JOIN archive_fragment f ON f.page_id = p.id "
            "WHERE f.article_id IS NULL)",
            migrations.RunSQL.noop,
        ),
    ]
