import json, os
L = {}
L['en'] = {
 "title": "Images for your lessons",
 "intro": "Upload pictures for the figures in your lessons. Lotse keeps a copy of each one, made smaller where needed (at most 1600 pixels wide or high) and without hidden details such as location or camera.",
 "done": {"uploaded": "The image was uploaded.", "deleted": "The image was deleted."},
 "upload": {"title": "Upload an image", "file": "Image file", "fileHint": "PNG, JPEG or WebP, at most {{megabytes}} MB.", "alt": "Alternative text", "altHint": "Describe what the image shows for people who cannot see it. Figures use this text unless you write another one.", "submit": "Upload image"},
 "list": {"title": "Your images", "empty": "You have not uploaded any images yet.", "howToUse": "To show an image in a lesson, copy its Markdown into the lesson text, or write its reference inside a figure.", "alt": "Alternative text", "details": "Size and date", "size": "{{width}} × {{height}} pixels, {{kilobytes}} KB", "reference": "Reference", "markdown": "Markdown for a figure", "delete": "Delete image"},
 "errors": {"empty": "Choose an image file.", "tooLarge": "The file is larger than 2 MB. Choose a smaller image.", "notAnImage": "This file is not a PNG, JPEG or WebP image. Other formats, such as SVG, cannot be uploaded.", "polyglot": "This file contains something besides the image, so it cannot be uploaded. Save the picture again in an image program and upload that copy.", "unreadable": "This image cannot be read. It may be damaged or too large in pixels. Save it again and try once more."}
}
L['de'] = {
 "title": "Bilder für Ihre Lektionen",
 "intro": "Laden Sie Bilder für die Abbildungen in Ihren Lektionen hoch. Lotse speichert von jedem Bild eine Kopie, wenn nötig verkleinert (höchstens 1600 Pixel breit oder hoch) und ohne versteckte Angaben wie Ort oder Kamera.",
 "done": {"uploaded": "Das Bild wurde hochgeladen.", "deleted": "Das Bild wurde gelöscht."},
 "upload": {"title": "Ein Bild hochladen", "file": "Bilddatei", "fileHint": "PNG, JPEG oder WebP, höchstens {{megabytes}} MB.", "alt": "Alternativtext", "altHint": "Beschreiben Sie, was das Bild zeigt, für Menschen, die es nicht sehen können. Abbildungen verwenden diesen Text, wenn Sie keinen anderen schreiben.", "submit": "Bild hochladen"},
 "list": {"title": "Ihre Bilder", "empty": "Sie haben noch keine Bilder hochgeladen.", "howToUse": "Um ein Bild in einer Lektion zu zeigen, kopieren Sie sein Markdown in den Text der Lektion oder schreiben Sie seinen Verweis in eine Abbildung.", "alt": "Alternativtext", "details": "Größe und Datum", "size": "{{width}} × {{height}} Pixel, {{kilobytes}} KB", "reference": "Verweis", "markdown": "Markdown für eine Abbildung", "delete": "Bild löschen"},
 "errors": {"empty": "Wählen Sie eine Bilddatei aus.", "tooLarge": "Die Datei ist größer als 2 MB. Wählen Sie ein kleineres Bild.", "notAnImage": "Diese Datei ist kein PNG-, JPEG- oder WebP-Bild. Andere Formate wie SVG können nicht hochgeladen werden.", "polyglot": "Diese Datei enthält außer dem Bild noch etwas anderes und kann deshalb nicht hochgeladen werden. Speichern Sie das Bild in einem Bildprogramm neu und laden Sie diese Kopie hoch.", "unreadable": "Dieses Bild kann nicht gelesen werden. Es ist vielleicht beschädigt oder hat zu viele Pixel. Speichern Sie es neu und versuchen Sie es noch einmal."}
}
L['tr'] = {
 "title": "Dersleriniz için görseller",
 "intro": "Derslerinizdeki şekiller için resim yükleyin. Lotse her resmin bir kopyasını saklar; gerekirse küçültür (en fazla 1600 piksel genişlik veya yükseklik) ve konum ya da kamera gibi gizli bilgileri siler.",
 "done": {"uploaded": "Resim yüklendi.", "deleted": "Resim silindi."},
 "upload": {"title": "Resim yükle", "file": "Resim dosyası", "fileHint": "PNG, JPEG veya WebP, en fazla {{megabytes}} MB.", "alt": "Alternatif metin", "altHint": "Resmi göremeyen kişiler için resimde ne olduğunu anlatın. Başka bir metin yazmazsanız şekiller bu metni kullanır.", "submit": "Resmi yükle"},
 "list": {"title": "Resimleriniz", "empty": "Henüz resim yüklemediniz.", "howToUse": "Bir resmi derste göstermek için Markdown kodunu ders metnine kopyalayın veya referansını bir şeklin içine yazın.", "alt": "Alternatif metin", "details": "Boyut ve tarih", "size": "{{width}} × {{height}} piksel, {{kilobytes}} KB", "reference": "Referans", "markdown": "Şekil için Markdown", "delete": "Resmi sil"},
 "errors": {"empty": "Bir resim dosyası seçin.", "tooLarge": "Dosya 2 MB'tan büyük. Daha küçük bir resim seçin.", "notAnImage": "Bu dosya PNG, JPEG veya WebP resmi değil. SVG gibi başka biçimler yüklenemez.", "polyglot": "Bu dosyada resimden başka bir şey de var, bu yüzden yüklenemez. Resmi bir resim programında yeniden kaydedin ve o kopyayı yükleyin.", "unreadable": "Bu resim okunamıyor. Bozuk olabilir veya piksel sayısı çok fazla olabilir. Yeniden kaydedip bir kez daha deneyin."}
}
L['ar'] = {
 "title": "صور لدروسك",
 "intro": "ارفع صورًا للأشكال في دروسك. يحتفظ Lotse بنسخة من كل صورة، مصغّرة عند الحاجة (1600 بكسل عرضًا أو ارتفاعًا على الأكثر) ومن دون معلومات مخفية مثل المكان أو الكاميرا.",
 "done": {"uploaded": "تم رفع الصورة.", "deleted": "تم حذف الصورة."},
 "upload": {"title": "رفع صورة", "file": "ملف الصورة", "fileHint": "PNG أو JPEG أو WebP، بحجم {{megabytes}} ميغابايت على الأكثر.", "alt": "النص البديل", "altHint": "صِف ما تُظهره الصورة للأشخاص الذين لا يستطيعون رؤيتها. تستخدم الأشكال هذا النص ما لم تكتب نصًا آخر.", "submit": "رفع الصورة"},
 "list": {"title": "صورك", "empty": "لم ترفع أي صور بعد.", "howToUse": "لعرض صورة في درس، انسخ رمز Markdown الخاص بها إلى نص الدرس، أو اكتب مرجعها داخل شكل.", "alt": "النص البديل", "details": "الحجم والتاريخ", "size": "{{width}} × {{height}} بكسل، {{kilobytes}} كيلوبايت", "reference": "المرجع", "markdown": "Markdown لشكل", "delete": "حذف الصورة"},
 "errors": {"empty": "اختر ملف صورة.", "tooLarge": "حجم الملف أكبر من 2 ميغابايت. اختر صورة أصغر.", "notAnImage": "هذا الملف ليس صورة PNG أو JPEG أو WebP. لا يمكن رفع صيغ أخرى مثل SVG.", "polyglot": "يحتوي هذا الملف على شيء آخر إلى جانب الصورة، لذلك لا يمكن رفعه. احفظ الصورة من جديد في برنامج صور وارفع تلك النسخة.", "unreadable": "لا يمكن قراءة هذه الصورة. قد تكون تالفة أو كبيرة جدًا بالبكسل. احفظها من جديد وحاول مرة أخرى."}
}
L['uk'] = {
 "title": "Зображення для ваших уроків",
 "intro": "Завантажуйте зображення для ілюстрацій у ваших уроках. Lotse зберігає копію кожного з них, за потреби зменшену (не більше 1600 пікселів завширшки або заввишки) і без прихованих даних, як-от місце чи камера.",
 "done": {"uploaded": "Зображення завантажено.", "deleted": "Зображення видалено."},
 "upload": {"title": "Завантажити зображення", "file": "Файл зображення", "fileHint": "PNG, JPEG або WebP, не більше {{megabytes}} МБ.", "alt": "Альтернативний текст", "altHint": "Опишіть, що показано на зображенні, для людей, які не можуть його побачити. Ілюстрації використовують цей текст, якщо ви не напишете інший.", "submit": "Завантажити зображення"},
 "list": {"title": "Ваші зображення", "empty": "Ви ще не завантажили жодного зображення.", "howToUse": "Щоб показати зображення в уроці, скопіюйте його Markdown у текст уроку або напишіть його посилання всередині ілюстрації.", "alt": "Альтернативний текст", "details": "Розмір і дата", "size": "{{width}} × {{height}} пікселів, {{kilobytes}} КБ", "reference": "Посилання", "markdown": "Markdown для ілюстрації", "delete": "Видалити зображення"},
 "errors": {"empty": "Виберіть файл зображення.", "tooLarge": "Файл більший за 2 МБ. Виберіть менше зображення.", "notAnImage": "Цей файл не є зображенням PNG, JPEG або WebP. Інші формати, як-от SVG, завантажити не можна.", "polyglot": "Цей файл містить щось, крім зображення, тому його не можна завантажити. Збережіть зображення заново в графічній програмі й завантажте цю копію.", "unreadable": "Не вдається прочитати це зображення. Можливо, воно пошкоджене або має забагато пікселів. Збережіть його заново й спробуйте ще раз."}
}
L['ru'] = {
 "title": "Изображения для ваших уроков",
 "intro": "Загружайте изображения для иллюстраций в ваших уроках. Lotse хранит копию каждого из них, при необходимости уменьшенную (не более 1600 пикселей в ширину или высоту) и без скрытых данных, например о месте съёмки или камере.",
 "done": {"uploaded": "Изображение загружено.", "deleted": "Изображение удалено."},
 "upload": {"title": "Загрузить изображение", "file": "Файл изображения", "fileHint": "PNG, JPEG или WebP, не более {{megabytes}} МБ.", "alt": "Альтернативный текст", "altHint": "Опишите, что показано на изображении, для людей, которые не могут его увидеть. Иллюстрации используют этот текст, если вы не напишете другой.", "submit": "Загрузить изображение"},
 "list": {"title": "Ваши изображения", "empty": "Вы ещё не загрузили ни одного изображения.", "howToUse": "Чтобы показать изображение в уроке, скопируйте его Markdown в текст урока или напишите его ссылку внутри иллюстрации.", "alt": "Альтернативный текст", "details": "Размер и дата", "size": "{{width}} × {{height}} пикселей, {{kilobytes}} КБ", "reference": "Ссылка", "markdown": "Markdown для иллюстрации", "delete": "Удалить изображение"},
 "errors": {"empty": "Выберите файл изображения.", "tooLarge": "Файл больше 2 МБ. Выберите изображение поменьше.", "notAnImage": "Этот файл не является изображением PNG, JPEG или WebP. Другие форматы, например SVG, загрузить нельзя.", "polyglot": "В этом файле есть что-то кроме изображения, поэтому его нельзя загрузить. Сохраните изображение заново в графической программе и загрузите эту копию.", "unreadable": "Не удаётся прочитать это изображение. Возможно, оно повреждено или в нём слишком много пикселей. Сохраните его заново и попробуйте ещё раз."}
}
L['fa'] = {
 "title": "تصویرها برای درس‌های شما",
 "intro": "برای شکل‌های درس‌هایتان تصویر بارگذاری کنید. Lotse از هر تصویر یک نسخه نگه می‌دارد، در صورت نیاز کوچک‌شده (حداکثر ۱۶۰۰ پیکسل عرض یا ارتفاع) و بدون اطلاعات پنهان مانند مکان یا دوربین.",
 "done": {"uploaded": "تصویر بارگذاری شد.", "deleted": "تصویر حذف شد."},
 "upload": {"title": "بارگذاری تصویر", "file": "فایل تصویر", "fileHint": "PNG، JPEG یا WebP، حداکثر {{megabytes}} مگابایت.", "alt": "متن جایگزین", "altHint": "برای کسانی که نمی‌توانند تصویر را ببینند، بنویسید تصویر چه چیزی را نشان می‌دهد. شکل‌ها از این متن استفاده می‌کنند، مگر اینکه متن دیگری بنویسید.", "submit": "بارگذاری تصویر"},
 "list": {"title": "تصویرهای شما", "empty": "هنوز هیچ تصویری بارگذاری نکرده‌اید.", "howToUse": "برای نمایش یک تصویر در درس، Markdown آن را در متن درس کپی کنید یا ارجاع آن را داخل یک شکل بنویسید.", "alt": "متن جایگزین", "details": "اندازه و تاریخ", "size": "{{width}} × {{height}} پیکسل، {{kilobytes}} کیلوبایت", "reference": "ارجاع", "markdown": "Markdown برای شکل", "delete": "حذف تصویر"},
 "errors": {"empty": "یک فایل تصویر انتخاب کنید.", "tooLarge": "حجم فایل بیشتر از ۲ مگابایت است. تصویر کوچک‌تری انتخاب کنید.", "notAnImage": "این فایل تصویر PNG، JPEG یا WebP نیست. قالب‌های دیگر مانند SVG را نمی‌توان بارگذاری کرد.", "polyglot": "این فایل به جز تصویر چیز دیگری هم دارد و به همین دلیل قابل بارگذاری نیست. تصویر را در یک برنامهٔ تصویر دوباره ذخیره کنید و آن نسخه را بارگذاری کنید.", "unreadable": "این تصویر خوانده نمی‌شود. شاید خراب باشد یا پیکسل‌های بیش از حد داشته باشد. آن را دوباره ذخیره کنید و یک بار دیگر امتحان کنید."}
}
L['pl'] = {
 "title": "Obrazy do twoich lekcji",
 "intro": "Przesyłaj obrazy do ilustracji w swoich lekcjach. Lotse przechowuje kopię każdego z nich, w razie potrzeby zmniejszoną (najwyżej 1600 pikseli szerokości lub wysokości) i bez ukrytych danych, takich jak miejsce czy aparat.",
 "done": {"uploaded": "Obraz został przesłany.", "deleted": "Obraz został usunięty."},
 "upload": {"title": "Prześlij obraz", "file": "Plik obrazu", "fileHint": "PNG, JPEG lub WebP, najwyżej {{megabytes}} MB.", "alt": "Tekst alternatywny", "altHint": "Opisz, co przedstawia obraz, dla osób, które go nie widzą. Ilustracje używają tego tekstu, chyba że napiszesz inny.", "submit": "Prześlij obraz"},
 "list": {"title": "Twoje obrazy", "empty": "Nie przesłano jeszcze żadnych obrazów.", "howToUse": "Aby pokazać obraz w lekcji, skopiuj jego Markdown do tekstu lekcji albo wpisz jego odnośnik w ilustracji.", "alt": "Tekst alternatywny", "details": "Rozmiar i data", "size": "{{width}} × {{height}} pikseli, {{kilobytes}} KB", "reference": "Odnośnik", "markdown": "Markdown dla ilustracji", "delete": "Usuń obraz"},
 "errors": {"empty": "Wybierz plik obrazu.", "tooLarge": "Plik jest większy niż 2 MB. Wybierz mniejszy obraz.", "notAnImage": "Ten plik nie jest obrazem PNG, JPEG ani WebP. Innych formatów, np. SVG, nie można przesłać.", "polyglot": "Ten plik zawiera coś oprócz obrazu, dlatego nie można go przesłać. Zapisz obraz ponownie w programie graficznym i prześlij tę kopię.", "unreadable": "Nie można odczytać tego obrazu. Może być uszkodzony albo mieć zbyt wiele pikseli. Zapisz go ponownie i spróbuj jeszcze raz."}
}
base='/work/wt/studiox/src/lib/i18n/translations'
for loc, images in L.items():
    p=f'{base}/{loc}/studio.json'
    data = json.load(open(p)) if os.path.exists(p) else {}
    data['images'] = images
    json.dump(data, open(p,'w'), ensure_ascii=False, indent='\t')
    open(p,'a').write('\n')
print(sorted(os.listdir(base)))
