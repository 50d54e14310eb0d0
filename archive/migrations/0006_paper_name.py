"""Readers' labels: Chinese article kinds, a paper's name and place described for editors, and
papers still named by a known slug given their name (a frozen copy of ingest's KNOWN_PAPERS)."""
from django.db import migrations, models

NAMES = {
    "renmin-ribao": "人民日报", "peoples-daily": "人民日报", "guangming-ribao": "光明日报",
    "jingji-ribao": "经济日报", "shanxi-ribao": "山西日报", "shanxi-daily": "山西日报",
}


def name_known_slugs(apps, schema_editor):
    Newspaper = apps.get_model("archive", "Newspaper")
    for slug, name in NAMES.items():
        Newspaper.objects.filter(slug=slug, name=slug).update(name=name)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0005_text_as_printed'),
    ]

    operations = [
        migrations.AlterField(
            model_name='article',
            name='kind',
            field=models.CharField(choices=[('news', '新闻'), ('commentary', '评论'), ('photo', '图片'), ('brief', '简讯'), ('fragment', '续文')], default='news', max_length=16),
        ),
        migrations.AlterField(
            model_name='historicalarticle',
            name='kind',
            field=models.CharField(choices=[('news', '新闻'), ('commentary', '评论'), ('photo', '图片'), ('brief', '简讯'), ('fragment', '续文')], default='news', max_length=16),
        ),
        migrations.AlterField(
            model_name='newspaper',
            name='name',
            field=models.CharField(help_text='读者看到的名称，如“人民日报”', max_length=200, verbose_name='报名'),
        ),
        migrations.AlterField(
            model_name='newspaper',
            name='place',
            field=models.CharField(blank=True, max_length=200, verbose_name='出版地'),
        ),
        migrations.RunPython(name_known_slugs, migrations.RunPython.noop),
    ]
